// zlib (Debian zlib1g-dev), for the members of an .xlsx archive: raw deflate streams and their CRC-32.
#include <zlib.h>

// inflateInit2 is a macro, which Swift cannot call.
static inline int cie_inflate_init_raw(z_stream *stream) {
    return inflateInit2(stream, -MAX_WBITS);
}
