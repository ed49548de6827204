// zlib, for the memo library's compressed memo text.
#include <zlib.h>
