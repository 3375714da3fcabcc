// Pixel kernels: separable resampling (fixed-point weights, vertical pass first so the wide loop vectorises),
// EXIF orientation, alpha flattening, luma and the quality statistics.
#include "image_ops.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define IC_WEIGHT_BITS 14
#define IC_WEIGHT_ONE (1 << IC_WEIGHT_BITS)

typedef struct {
    int start;
    int count;
} ic_span;

// Contributions of source pixels to each of `dst` outputs: exact area coverage when shrinking, linear when enlarging.
// Weights are fixed-point and sum to exactly IC_WEIGHT_ONE for every output.
static int ic_contributions(int src, int dst, ic_span **spans_out, int32_t **weights_out) {
    double scale = (double)src / (double)dst;
    int max_taps = scale > 1.0 ? (int)ceil(scale) + 1 : 2;
    if (max_taps > src) max_taps = src;
    ic_span *spans = malloc(sizeof(ic_span) * (size_t)dst);
    int32_t *weights = malloc(sizeof(int32_t) * (size_t)dst * (size_t)max_taps);
    if (!spans || !weights) {
        free(spans);
        free(weights);
        return 0;
    }
    for (int i = 0; i < dst; i++) {
        double w[64];
        int start, count;
        if (scale > 1.0) {
            double left = i * scale, right = (i + 1) * scale;
            start = (int)floor(left);
            int end = (int)ceil(right);
            if (end > src) end = src;
            count = end - start;
            if (count > max_taps) count = max_taps;
            if (count > 64) count = 64;
            for (int k = 0; k < count; k++) {
                double a = start + k > left ? start + k : left;
                double b = start + k + 1 < right ? start + k + 1 : right;
                w[k] = b > a ? (b - a) / scale : 0.0;
            }
        } else {
            double center = (i + 0.5) * scale - 0.5;
            if (center < 0) center = 0;
            start = (int)floor(center);
            double fraction = center - start;
            if (start >= src - 1) {
                start = src - 1;
                count = 1;
                w[0] = 1.0;
            } else {
                count = 2;
                w[0] = 1.0 - fraction;
                w[1] = fraction;
            }
        }
        int32_t total = 0, *row = weights + (size_t)i * (size_t)max_taps;
        int largest = 0;
        for (int k = 0; k < count; k++) {
            row[k] = (int32_t)lround(w[k] * IC_WEIGHT_ONE);
            total += row[k];
            if (row[k] > row[largest]) largest = k;
        }
        row[largest] += IC_WEIGHT_ONE - total;
        // Pad every output to max_taps taps (zero weights), shifting the window left at the right border, so the
        // inner loops have a fixed trip count and unroll.
        for (int k = count; k < max_taps; k++) row[k] = 0;
        int shift = start + max_taps - src;
        if (shift > 0) {
            if (shift > start) shift = start;
            for (int k = max_taps - 1; k >= shift; k--) row[k] = row[k - shift];
            for (int k = 0; k < shift; k++) row[k] = 0;
            start -= shift;
        }
        spans[i].start = start;
        spans[i].count = max_taps < src ? max_taps : src;
    }
    *spans_out = spans;
    *weights_out = weights;
    return max_taps;
}

typedef int32_t ic_v4i __attribute__((vector_size(16)));
typedef uint8_t ic_v4b __attribute__((vector_size(4)));

// One output row of RGB pixels, one pixel per 4-lane vector (the 4th lane is the next pixel's red, ignored);
// `taps` is a constant at each call site so the loop unrolls. Reads one byte past the last pixel: the caller's row
// buffer has a padding byte.
static inline __attribute__((always_inline)) void ic_row3(const uint8_t *in, uint8_t *out, int dst_width, const ic_span *spans,
                                                          const int32_t *weights, int taps) {
    for (int x = 0; x < dst_width; x++) {
        const int32_t *w = weights + (size_t)x * (size_t)taps;
        const uint8_t *p = in + (size_t)spans[x].start * 3;
        ic_v4i sum = {IC_WEIGHT_ONE / 2, IC_WEIGHT_ONE / 2, IC_WEIGHT_ONE / 2, 0};
        for (int k = 0; k < taps; k++) {
            ic_v4b bytes;
            memcpy(&bytes, p + 3 * k, 4);
            sum += __builtin_convertvector(bytes, ic_v4i) * w[k];
        }
        sum >>= IC_WEIGHT_BITS;
        out[3 * x] = (uint8_t)sum[0];
        out[3 * x + 1] = (uint8_t)sum[1];
        out[3 * x + 2] = (uint8_t)sum[2];
    }
}

void ic_resize(const uint8_t *src, int src_width, int src_height, int channels, uint8_t *dst, int dst_width, int dst_height,
               uint8_t *scratch) {
    if (src_width == dst_width && src_height == dst_height) {
        memcpy(dst, src, (size_t)src_width * (size_t)src_height * (size_t)channels);
        return;
    }
    ic_span *vspans, *hspans;
    int32_t *vweights, *hweights;
    int vtaps = ic_contributions(src_height, dst_height, &vspans, &vweights);
    int htaps = ic_contributions(src_width, dst_width, &hspans, &hweights);
    size_t src_stride = (size_t)src_width * (size_t)channels;
    int32_t *accumulator = malloc(sizeof(int32_t) * src_stride);
    if (!vtaps || !htaps || !accumulator) {
        if (vtaps) { free(vspans); free(vweights); }
        if (htaps) { free(hspans); free(hweights); }
        free(accumulator);
        memset(dst, 0, (size_t)dst_width * (size_t)dst_height * (size_t)channels);
        return;
    }
    // Vertical: dst_height rows of src_width pixels into scratch.
    for (int y = 0; y < dst_height; y++) {
        const int32_t *w = vweights + (size_t)y * (size_t)vtaps;
        const uint8_t *row0 = src + (size_t)vspans[y].start * src_stride;
        for (size_t x = 0; x < src_stride; x++) accumulator[x] = w[0] * row0[x] + IC_WEIGHT_ONE / 2;
        for (int k = 1; k < vspans[y].count; k++) {
            if (w[k] == 0) continue;
            const uint8_t *row = src + (size_t)(vspans[y].start + k) * src_stride;
            int32_t weight = w[k];
            for (size_t x = 0; x < src_stride; x++) accumulator[x] += weight * row[x];
        }
        uint8_t *out = scratch + (size_t)y * src_stride;
        for (size_t x = 0; x < src_stride; x++) out[x] = (uint8_t)(accumulator[x] >> IC_WEIGHT_BITS);
    }
    // Horizontal: each scratch row into dst.
    size_t dst_stride = (size_t)dst_width * (size_t)channels;
    for (int y = 0; y < dst_height; y++) {
        const uint8_t *in = scratch + (size_t)y * src_stride;
        uint8_t *out = dst + (size_t)y * dst_stride;
        if (channels == 3) {
            switch (htaps) {
            case 2: ic_row3(in, out, dst_width, hspans, hweights, 2); break;
            case 3: ic_row3(in, out, dst_width, hspans, hweights, 3); break;
            case 4: ic_row3(in, out, dst_width, hspans, hweights, 4); break;
            default: ic_row3(in, out, dst_width, hspans, hweights, htaps); break;
            }
        } else {
            for (int x = 0; x < dst_width; x++) {
                const int32_t *w = hweights + (size_t)x * (size_t)htaps;
                for (int c = 0; c < channels; c++) {
                    const uint8_t *p = in + (size_t)hspans[x].start * (size_t)channels + c;
                    int32_t sum = 0;
                    for (int k = 0; k < hspans[x].count; k++) sum += w[k] * p[(size_t)k * (size_t)channels];
                    out[(size_t)x * (size_t)channels + c] = (uint8_t)((sum + IC_WEIGHT_ONE / 2) >> IC_WEIGHT_BITS);
                }
            }
        }
    }
    free(accumulator);
    free(vspans);
    free(vweights);
    free(hspans);
    free(hweights);
}

void ic_orient(const uint8_t *src, int width, int height, int channels, int orientation, uint8_t *dst) {
    size_t bytes = (size_t)width * (size_t)height * (size_t)channels;
    if (orientation < 2 || orientation > 8) {
        memcpy(dst, src, bytes);
        return;
    }
    int swap = orientation >= 5;
    int out_width = swap ? height : width, out_height = swap ? width : height;
    size_t c = (size_t)channels;
    for (int y = 0; y < out_height; y++) {
        uint8_t *out = dst + (size_t)y * (size_t)out_width * c;
        for (int x = 0; x < out_width; x++) {
            int sx, sy;
            switch (orientation) {
            case 2: sx = width - 1 - x; sy = y; break;
            case 3: sx = width - 1 - x; sy = height - 1 - y; break;
            case 4: sx = x; sy = height - 1 - y; break;
            case 5: sx = y; sy = x; break;
            case 6: sx = y; sy = height - 1 - x; break;
            case 7: sx = width - 1 - y; sy = height - 1 - x; break;
            default: sx = width - 1 - y; sy = x; break;  // 8
            }
            const uint8_t *p = src + ((size_t)sy * (size_t)width + (size_t)sx) * c;
            for (size_t k = 0; k < c; k++) out[(size_t)x * c + k] = p[k];
        }
    }
}

void ic_flatten_rgba(const uint8_t *rgba, size_t pixel_count, uint8_t *rgb) {
    for (size_t i = 0; i < pixel_count; i++) {
        unsigned a = rgba[4 * i + 3];
        for (int k = 0; k < 3; k++) rgb[3 * i + k] = (uint8_t)((rgba[4 * i + k] * a + 255u * (255u - a) + 127u) / 255u);
    }
}

void ic_luma(const uint8_t *rgb, size_t pixel_count, uint8_t *luma) {
    for (size_t i = 0; i < pixel_count; i++)
        luma[i] = (uint8_t)((77u * rgb[3 * i] + 150u * rgb[3 * i + 1] + 29u * rgb[3 * i + 2] + 128u) >> 8);
}

void ic_measure(const uint8_t *luma, int width, int height, int dark_level, int bright_level, ic_metrics *out) {
    size_t n = (size_t)width * (size_t)height;
    uint64_t sum = 0, dark = 0, bright = 0;
    for (size_t i = 0; i < n; i++) {
        sum += luma[i];
        dark += luma[i] <= dark_level;
        bright += luma[i] >= bright_level;
    }
    out->mean = n ? (double)sum / (double)n : 0;
    out->dark_fraction = n ? (double)dark / (double)n : 0;
    out->bright_fraction = n ? (double)bright / (double)n : 0;
    out->laplacian_variance = 0;
    out->tenengrad = 0;
    out->tile_focus = 0;
    if (width < 3 || height < 3) return;
    int64_t lap_sum = 0;
    uint64_t lap_square = 0, gradient = 0;
    // Per-tile sums of the Laplacian and its square (tile of pixel x: x * GRID / width).
    int64_t tile_sum[IC_FOCUS_GRID * IC_FOCUS_GRID] = {0};
    uint64_t tile_square[IC_FOCUS_GRID * IC_FOCUS_GRID] = {0};
    uint64_t tile_count[IC_FOCUS_GRID * IC_FOCUS_GRID] = {0};
    for (int y = 1; y < height - 1; y++) {
        const uint8_t *up = luma + (size_t)(y - 1) * (size_t)width;
        const uint8_t *row = luma + (size_t)y * (size_t)width;
        const uint8_t *down = luma + (size_t)(y + 1) * (size_t)width;
        int64_t row_sum = 0;
        uint64_t row_square = 0, row_gradient = 0;
        int tile_row = (int)((int64_t)y * IC_FOCUS_GRID / height) * IC_FOCUS_GRID;
        for (int x = 1; x < width - 1; x++) {
            int32_t l = up[x] + down[x] + row[x - 1] + row[x + 1] - 4 * row[x];
            row_sum += l;
            uint64_t square = (uint64_t)((int64_t)l * l);
            row_square += square;
            int tile = tile_row + (int)((int64_t)x * IC_FOCUS_GRID / width);
            tile_sum[tile] += l;
            tile_square[tile] += square;
            tile_count[tile] += 1;
            int32_t gx = (up[x + 1] + 2 * row[x + 1] + down[x + 1]) - (up[x - 1] + 2 * row[x - 1] + down[x - 1]);
            int32_t gy = (down[x - 1] + 2 * down[x] + down[x + 1]) - (up[x - 1] + 2 * up[x] + up[x + 1]);
            row_gradient += (uint64_t)((int64_t)gx * gx + (int64_t)gy * gy);
        }
        lap_sum += row_sum;
        lap_square += row_square;
        gradient += row_gradient;
    }
    double count = (double)(width - 2) * (double)(height - 2);
    double mean = (double)lap_sum / count;
    out->laplacian_variance = (double)lap_square / count - mean * mean;
    out->tenengrad = (double)gradient / count;
    // The sharpest tiles: a partial selection of the IC_FOCUS_TOP largest variances.
    double best[IC_FOCUS_TOP] = {0};
    int found = 0;
    for (int t = 0; t < IC_FOCUS_GRID * IC_FOCUS_GRID; t++) {
        if (tile_count[t] == 0) continue;
        double n = (double)tile_count[t];
        double m = (double)tile_sum[t] / n;
        double v = (double)tile_square[t] / n - m * m;
        int i = found < IC_FOCUS_TOP ? found++ : IC_FOCUS_TOP - 1;
        if (i == IC_FOCUS_TOP - 1 && found == IC_FOCUS_TOP && v <= best[i]) continue;
        best[i] = v;
        while (i > 0 && best[i] > best[i - 1]) {
            double swap = best[i];
            best[i] = best[i - 1];
            best[i - 1] = swap;
            i--;
        }
    }
    double total = 0;
    for (int i = 0; i < found; i++) total += best[i];
    out->tile_focus = found ? total / (double)found : 0;
}
