// zlib (Debian zlib1g-dev), for the members of an .xlsx archive: raw deflate streams and their CRC-32.
#include <zlib.h>

// inflateInit2 is a macro, which Swift cannot call.
static inline int cie_inflate_init_raw(z_stream *stream) {
    return inflateInit2(stream, -MAX_WBITS);
}

// deflateInit2 is a macro too: a raw deflate stream (no zlib header), as a ZIP member holds.
static inline int cie_deflate_init_raw(z_stream *stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
}
