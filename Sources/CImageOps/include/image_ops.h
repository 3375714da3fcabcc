// C side of ImageOps: libjpeg-turbo and libpng calls (every setjmp/longjmp stays in these functions) and the
// pixel kernels (resampling, orientation, luma, quality metrics). Swift sees status codes and messages only.
#ifndef IMAGE_OPS_H
#define IMAGE_OPS_H

#include <stddef.h>
#include <stdint.h>

#define IC_MESSAGE_CAP 200

/// Result of every codec call: status 0 = ok; otherwise `message` holds the library's own text.
typedef struct {
    int status;
    int warnings;
    char message[IC_MESSAGE_CAP];
} ic_status;

/// Limits applied while decoding hostile input.
typedef struct {
    uint64_t max_pixels;   // width*height of the source, checked from the header before any allocation
    long max_memory;       // libjpeg's max_memory_to_use
    int max_scans;         // progressive scans before giving up
    int max_warnings;      // corrupt-data warnings before giving up
} ic_limits;

/// What a JPEG header says.
typedef struct {
    int width;
    int height;
    int components;
    int color_space;       // J_COLOR_SPACE of the file
    int progressive;
    int arithmetic;
    int adobe;             // an Adobe APP14 marker was seen (CMYK data is then stored inverted)
} ic_jpeg_header;

#define IC_OK 0
#define IC_ERROR 1
#define IC_TOO_LARGE 2
#define IC_BUFFER 3

/* Reads a JPEG header; gives up after max_warnings corrupt-data warnings (0: no limit). */
int ic_jpeg_read_header(const uint8_t *data, size_t length, int max_warnings, ic_jpeg_header *header, ic_status *status);

/// Decodes at scale 1/denom (1, 2, 4, 8) into `out` as 8-bit RGB. `out_capacity` must hold
/// ceil(w/denom)*ceil(h/denom)*3 bytes. An ICC profile, if any, is returned in `*icc` (free with ic_free).
int ic_jpeg_decode_rgb(const uint8_t *data, size_t length, int denom, const ic_limits *limits, uint8_t *out, size_t out_capacity,
                       int *out_width, int *out_height, uint8_t **icc, unsigned int *icc_length, ic_status *status);

/// Encodes 8-bit RGB (channels 3) or gray (channels 1); no markers but JFIF (and the ICC profile, when given).
int ic_jpeg_encode(const uint8_t *pixels, int width, int height, int channels, int quality, int progressive, const uint8_t *icc,
                   unsigned int icc_length, uint8_t **out, unsigned long *out_length, ic_status *status);

int ic_png_read_header(const uint8_t *data, size_t length, int *width, int *height, ic_status *status);

/// Decodes any PNG to 8-bit RGBA (palette, gray, 16-bit, tRNS, interlace and gamma handled by libpng).
int ic_png_decode_rgba(const uint8_t *data, size_t length, const ic_limits *limits, uint8_t *out, size_t out_capacity, int *out_width,
                       int *out_height, ic_status *status);

/// Encodes 8-bit RGB (3) or RGBA (4) pixels as PNG; only IHDR, IDAT and IEND are written.
int ic_png_encode(const uint8_t *pixels, int width, int height, int channels, uint8_t **out, size_t *out_length, ic_status *status);

void ic_free(void *pointer);

/// Keeps freed image-sized blocks in the process heap instead of returning them to the kernel after every photo
/// (glibc would otherwise mmap/munmap them and every photo would pay fresh page faults). Call once per process.
void ic_tune_allocator(void);

// ---- kernels -------------------------------------------------------------------------------------------------

/// Separable resample of 8-bit interleaved pixels: box/area averaging when shrinking, linear when enlarging.
/// `scratch` must hold dst_height*src_width*channels + 16 bytes.
void ic_resize(const uint8_t *src, int src_width, int src_height, int channels, uint8_t *dst, int dst_width, int dst_height,
               uint8_t *scratch);

/// Applies EXIF orientation 1-8 (anything else = 1). `dst` has the same byte count; for 5-8 width and height swap.
void ic_orient(const uint8_t *src, int width, int height, int channels, int orientation, uint8_t *dst);

/// RGBA composited over white into RGB.
void ic_flatten_rgba(const uint8_t *rgba, size_t pixel_count, uint8_t *rgb);

/// BT.601 luma of RGB pixels.
void ic_luma(const uint8_t *rgb, size_t pixel_count, uint8_t *luma);

/// Quality statistics of a luma image.
typedef struct {
    double mean;                 // 0..255
    double dark_fraction;        // share of pixels <= dark_level
    double bright_fraction;      // share of pixels >= bright_level
    double laplacian_variance;   // variance of the 4-neighbour Laplacian
    double tenengrad;            // mean squared Sobel gradient magnitude
    double tile_focus;           // mean Laplacian variance of the sharpest tiles (see IC_FOCUS_*)
} ic_metrics;

/// The focus measure: the Laplacian variance of each tile of an IC_FOCUS_GRID x IC_FOCUS_GRID grid, and the mean of
/// the sharpest IC_FOCUS_TOP of them. A car's large plain panels (few edges) lower the whole-image variance of a
/// sharp photo; the tiles with the wheels, lamps, plate or door lines still show whether the photo is in focus.
#define IC_FOCUS_GRID 8
#define IC_FOCUS_TOP 6

void ic_measure(const uint8_t *luma, int width, int height, int dark_level, int bright_level, ic_metrics *out);

#endif
