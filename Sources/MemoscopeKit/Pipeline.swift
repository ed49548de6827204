/// The library facade: each stage of Memoscope as one call over input paths.
///
/// Stages add their entry points in `Pipeline+<Stage>.swift` files.
public enum Pipeline {}
