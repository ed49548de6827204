// MemoClustering: placeholder until its issue lands.
