// libjpeg-turbo and libpng behind status codes. Every setjmp lives in the same function as the library calls it
// guards, and every callback that can raise (libjpeg's error_exit, emit_message, progress monitor) is C, so no
// longjmp ever crosses a Swift frame. libjpeg never prints: output_message is silenced.
#include "image_ops.h"

#include <setjmp.h>
#include <stdio.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <jerror.h>
#include <png.h>

struct ic_error_manager {
    struct jpeg_error_mgr pub;
    jmp_buf jump;
    int max_warnings;
    int warnings;
    char message[IC_MESSAGE_CAP];
};

struct ic_progress {
    struct jpeg_progress_mgr pub;
    int max_scans;
};

static void ic_error_exit(j_common_ptr cinfo) {
    struct ic_error_manager *manager = (struct ic_error_manager *)cinfo->err;
    char buffer[JMSG_LENGTH_MAX];
    (*cinfo->err->format_message)(cinfo, buffer);
    snprintf(manager->message, IC_MESSAGE_CAP, "%s", buffer);
    longjmp(manager->jump, 1);
}

static void ic_output_message(j_common_ptr cinfo) { (void)cinfo; }

static void ic_emit_message(j_common_ptr cinfo, int level) {
    struct ic_error_manager *manager = (struct ic_error_manager *)cinfo->err;
    if (level >= 0) return;
    if (cinfo->err->msg_code == JWRN_JPEG_EOF) {
        // The data ends early: libjpeg would fill the rest with grey and go on. A photo cut short is refused instead,
        // saying how much of it arrived (rows of a single-scan file, or the scan a progressive file stops in).
        if (cinfo->is_decompressor) {
            j_decompress_ptr decompress = (j_decompress_ptr)cinfo;
            if (decompress->global_state < 202 /* DSTATE_READY: the header is complete */ || decompress->total_iMCU_rows == 0) {
                snprintf(manager->message, IC_MESSAGE_CAP, "incomplete file: it ends before the image data; upload it again");
            } else if (decompress->progressive_mode || decompress->input_scan_number > 1) {
                snprintf(manager->message, IC_MESSAGE_CAP, "incomplete file: it ends in scan %d of the progressive data; upload it again",
                         decompress->input_scan_number);
            } else {
                int percent = (int)(100.0 * decompress->input_iMCU_row / decompress->total_iMCU_rows);
                if (percent == 0)
                    snprintf(manager->message, IC_MESSAGE_CAP, "incomplete file: it ends before the first rows of the image; upload it again");
                else
                    snprintf(manager->message, IC_MESSAGE_CAP, "incomplete file: only the top %d %% was received; upload it again", percent);
            }
        } else {
            snprintf(manager->message, IC_MESSAGE_CAP, "incomplete file; upload it again");
        }
        longjmp(manager->jump, 1);
    }
    manager->warnings++;
    cinfo->err->num_warnings++;
    if (manager->max_warnings > 0 && manager->warnings > manager->max_warnings) {
        char buffer[JMSG_LENGTH_MAX];
        (*cinfo->err->format_message)(cinfo, buffer);
        snprintf(manager->message, IC_MESSAGE_CAP, "too many corrupt-data warnings (more than %d; last: %s)", manager->max_warnings, buffer);
        longjmp(manager->jump, 1);
    }
}

static void ic_progress_monitor(j_common_ptr cinfo) {
    if (!cinfo->is_decompressor) return;
    j_decompress_ptr decompress = (j_decompress_ptr)cinfo;
    struct ic_progress *progress = (struct ic_progress *)cinfo->progress;
    if (progress->max_scans > 0 && decompress->input_scan_number > progress->max_scans) {
        struct ic_error_manager *manager = (struct ic_error_manager *)cinfo->err;
        snprintf(manager->message, IC_MESSAGE_CAP, "progressive JPEG has more than %d scans", progress->max_scans);
        longjmp(manager->jump, 1);
    }
}

static void ic_install(struct jpeg_error_mgr *pub, struct ic_error_manager *manager, int max_warnings) {
    jpeg_std_error(pub);
    pub->error_exit = ic_error_exit;
    pub->output_message = ic_output_message;
    pub->emit_message = ic_emit_message;
    manager->max_warnings = max_warnings;
    manager->warnings = 0;
    manager->message[0] = 0;
}

static void ic_fail(ic_status *status, int code, const char *message, int warnings) {
    status->status = code;
    status->warnings = warnings;
    snprintf(status->message, IC_MESSAGE_CAP, "%s", message);
}

int ic_jpeg_read_header(const uint8_t *data, size_t length, int max_warnings, ic_jpeg_header *header, ic_status *status) {
    struct jpeg_decompress_struct cinfo;
    struct ic_error_manager manager;
    volatile int created = 0;
    memset(status, 0, sizeof *status);
    cinfo.err = &manager.pub;
    ic_install(&manager.pub, &manager, max_warnings);
    if (setjmp(manager.jump)) {
        if (created) jpeg_destroy_decompress(&cinfo);
        ic_fail(status, IC_ERROR, manager.message, manager.warnings);
        return IC_ERROR;
    }
    jpeg_create_decompress(&cinfo);
    created = 1;
    jpeg_mem_src(&cinfo, data, (unsigned long)length);
    jpeg_read_header(&cinfo, TRUE);
    header->width = (int)cinfo.image_width;
    header->height = (int)cinfo.image_height;
    header->components = cinfo.num_components;
    header->color_space = (int)cinfo.jpeg_color_space;
    header->progressive = cinfo.progressive_mode ? 1 : 0;
    header->arithmetic = cinfo.arith_code ? 1 : 0;
    header->adobe = cinfo.saw_Adobe_marker ? 1 : 0;
    jpeg_destroy_decompress(&cinfo);
    status->warnings = manager.warnings;
    return IC_OK;
}

int ic_jpeg_decode_rgb(const uint8_t *data, size_t length, int denom, const ic_limits *limits, uint8_t *out, size_t out_capacity,
                       int *out_width, int *out_height, uint8_t **icc, unsigned int *icc_length, ic_status *status) {
    struct jpeg_decompress_struct cinfo;
    struct ic_error_manager manager;
    struct ic_progress progress;
    volatile int created = 0;
    JOCTET *volatile profile = NULL;
    unsigned int profile_length = 0;
    memset(status, 0, sizeof *status);
    *icc = NULL;
    *icc_length = 0;
    cinfo.err = &manager.pub;
    ic_install(&manager.pub, &manager, limits->max_warnings);
    if (setjmp(manager.jump)) {
        if (created) jpeg_destroy_decompress(&cinfo);
        if (profile) free(profile);
        ic_fail(status, IC_ERROR, manager.message, manager.warnings);
        return IC_ERROR;
    }
    jpeg_create_decompress(&cinfo);
    created = 1;
    cinfo.mem->max_memory_to_use = limits->max_memory;
    progress.pub.progress_monitor = ic_progress_monitor;
    progress.max_scans = limits->max_scans;
    cinfo.progress = &progress.pub;
    jpeg_mem_src(&cinfo, data, (unsigned long)length);
    jpeg_save_markers(&cinfo, JPEG_APP0 + 2, 0xFFFF);
    jpeg_read_header(&cinfo, TRUE);
    uint64_t pixels = (uint64_t)cinfo.image_width * (uint64_t)cinfo.image_height;
    if (pixels == 0 || pixels > limits->max_pixels) {
        char text[IC_MESSAGE_CAP];
        snprintf(text, sizeof text, "image is %ux%u pixels; the limit is %llu pixels", cinfo.image_width, cinfo.image_height,
                 (unsigned long long)limits->max_pixels);
        jpeg_destroy_decompress(&cinfo);
        ic_fail(status, IC_TOO_LARGE, text, manager.warnings);
        return IC_TOO_LARGE;
    }
    JOCTET *read_profile = NULL;
    if (jpeg_read_icc_profile(&cinfo, &read_profile, &profile_length)) profile = read_profile;
    int cmyk = cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK;
    cinfo.out_color_space = cmyk ? JCS_CMYK : JCS_RGB;
    cinfo.scale_num = 1;
    cinfo.scale_denom = (unsigned int)(denom == 2 || denom == 4 || denom == 8 ? denom : 1);
    cinfo.dct_method = JDCT_ISLOW;
    jpeg_calc_output_dimensions(&cinfo);
    size_t stride = (size_t)cinfo.output_width * 3;
    if (stride * cinfo.output_height > out_capacity) {
        jpeg_destroy_decompress(&cinfo);
        if (profile) free(profile);
        ic_fail(status, IC_BUFFER, "output buffer too small", manager.warnings);
        return IC_BUFFER;
    }
    jpeg_start_decompress(&cinfo);
    if (cmyk) {
        JSAMPARRAY row = (*cinfo.mem->alloc_sarray)((j_common_ptr)&cinfo, JPOOL_IMAGE, cinfo.output_width * 4, 1);
        int inverted = cinfo.saw_Adobe_marker;  // Adobe (Photoshop) writes CMYK inverted: 0 means full ink
        while (cinfo.output_scanline < cinfo.output_height) {
            uint8_t *target = out + stride * cinfo.output_scanline;
            jpeg_read_scanlines(&cinfo, row, 1);
            const JSAMPLE *source = row[0];
            for (JDIMENSION x = 0; x < cinfo.output_width; x++) {
                unsigned c = source[4 * x], m = source[4 * x + 1], y = source[4 * x + 2], k = source[4 * x + 3];
                if (!inverted) { c = 255 - c; m = 255 - m; y = 255 - y; k = 255 - k; }
                target[3 * x] = (uint8_t)((c * k + 127) / 255);
                target[3 * x + 1] = (uint8_t)((m * k + 127) / 255);
                target[3 * x + 2] = (uint8_t)((y * k + 127) / 255);
            }
        }
    } else {
        JSAMPROW rows[16];
        while (cinfo.output_scanline < cinfo.output_height) {
            int count = 0;
            for (; count < 16 && cinfo.output_scanline + count < cinfo.output_height; count++)
                rows[count] = out + stride * (cinfo.output_scanline + count);
            jpeg_read_scanlines(&cinfo, rows, (JDIMENSION)count);
        }
    }
    jpeg_finish_decompress(&cinfo);
    *out_width = (int)cinfo.output_width;
    *out_height = (int)cinfo.output_height;
    jpeg_destroy_decompress(&cinfo);
    *icc = profile;
    *icc_length = profile ? profile_length : 0;
    status->warnings = manager.warnings;
    if (manager.warnings > 0) snprintf(status->message, IC_MESSAGE_CAP, "%s", "decoded with corrupt-data warnings");
    return IC_OK;
}

int ic_jpeg_encode(const uint8_t *pixels, int width, int height, int channels, int quality, int progressive, const uint8_t *icc,
                   unsigned int icc_length, uint8_t **out, unsigned long *out_length, ic_status *status) {
    struct jpeg_compress_struct cinfo;
    struct ic_error_manager manager;
    struct {
        unsigned char *buffer;
        unsigned long size;
    } destination = {NULL, 0};
    volatile int created = 0;
    memset(status, 0, sizeof *status);
    *out = NULL;
    *out_length = 0;
    cinfo.err = &manager.pub;
    ic_install(&manager.pub, &manager, 0);
    if (setjmp(manager.jump)) {
        if (created) jpeg_destroy_compress(&cinfo);
        free(destination.buffer);
        ic_fail(status, IC_ERROR, manager.message, 0);
        return IC_ERROR;
    }
    jpeg_create_compress(&cinfo);
    created = 1;
    jpeg_mem_dest(&cinfo, &destination.buffer, &destination.size);
    cinfo.image_width = (JDIMENSION)width;
    cinfo.image_height = (JDIMENSION)height;
    cinfo.input_components = channels;
    cinfo.in_color_space = channels == 1 ? JCS_GRAYSCALE : JCS_RGB;
    jpeg_set_defaults(&cinfo);
    jpeg_set_quality(&cinfo, quality, TRUE);
    if (progressive) jpeg_simple_progression(&cinfo);
    jpeg_start_compress(&cinfo, TRUE);
    if (icc && icc_length > 0) jpeg_write_icc_profile(&cinfo, icc, icc_length);
    size_t stride = (size_t)width * (size_t)channels;
    JSAMPROW rows[16];
    while (cinfo.next_scanline < cinfo.image_height) {
        int count = 0;
        for (; count < 16 && cinfo.next_scanline + count < cinfo.image_height; count++)
            rows[count] = (JSAMPROW)(pixels + stride * (cinfo.next_scanline + count));
        jpeg_write_scanlines(&cinfo, rows, (JDIMENSION)count);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    *out = destination.buffer;
    *out_length = destination.size;
    return IC_OK;
}

int ic_png_read_header(const uint8_t *data, size_t length, int *width, int *height, ic_status *status) {
    png_image image;
    memset(status, 0, sizeof *status);
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, data, length)) {
        ic_fail(status, IC_ERROR, image.message, 0);
        png_image_free(&image);
        return IC_ERROR;
    }
    *width = (int)image.width;
    *height = (int)image.height;
    png_image_free(&image);
    return IC_OK;
}

struct ic_png_source {
    const uint8_t *data;
    size_t length;
    size_t offset;
    char message[IC_MESSAGE_CAP];
};

static void ic_png_error(png_structp png, png_const_charp message) {
    struct ic_png_source *source = (struct ic_png_source *)png_get_error_ptr(png);
    snprintf(source->message, IC_MESSAGE_CAP, "%s", message);
    png_longjmp(png, 1);
}

static void ic_png_warning(png_structp png, png_const_charp message) {
    (void)png;
    (void)message;
}

static void ic_png_read(png_structp png, png_bytep target, size_t count) {
    struct ic_png_source *source = (struct ic_png_source *)png_get_io_ptr(png);
    if (count > source->length - source->offset) png_error(png, "read beyond end of data");
    memcpy(target, source->data + source->offset, count);
    source->offset += count;
}

// The full libpng API (not the simplified one: libpng 1.6.39's simplified reader gets some pixels of interlaced
// 16-bit images wrong). Output: 8-bit RGBA, gamma-corrected to sRGB the way libpng's simplified API does it.
int ic_png_decode_rgba(const uint8_t *data, size_t length, const ic_limits *limits, uint8_t *out, size_t out_capacity, int *out_width,
                       int *out_height, ic_status *status) {
    struct ic_png_source source = {data, length, 0, {0}};
    png_structp png = NULL;
    png_infop info = NULL;
    png_bytep *volatile rows = NULL;
    memset(status, 0, sizeof *status);
    png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &source, ic_png_error, ic_png_warning);
    if (!png) {
        ic_fail(status, IC_ERROR, "libpng could not start", 0);
        return IC_ERROR;
    }
    info = png_create_info_struct(png);
    if (!info) {
        png_destroy_read_struct(&png, NULL, NULL);
        ic_fail(status, IC_ERROR, "libpng could not start", 0);
        return IC_ERROR;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_read_struct(&png, &info, NULL);
        free(rows);
        ic_fail(status, IC_ERROR, source.message, 0);
        return IC_ERROR;
    }
    png_set_read_fn(png, &source, ic_png_read);
    png_set_user_limits(png, 1000000, 1000000);
    png_set_chunk_malloc_max(png, 8000000);
    png_read_info(png, info);
    png_uint_32 width = png_get_image_width(png, info), height = png_get_image_height(png, info);
    uint64_t pixels = (uint64_t)width * (uint64_t)height;
    if (pixels == 0 || pixels > limits->max_pixels) {
        char text[IC_MESSAGE_CAP];
        snprintf(text, sizeof text, "image is %ux%u pixels; the limit is %llu pixels", width, height, (unsigned long long)limits->max_pixels);
        png_destroy_read_struct(&png, &info, NULL);
        ic_fail(status, IC_TOO_LARGE, text, 0);
        return IC_TOO_LARGE;
    }
    if ((size_t)pixels * 4 > out_capacity) {
        png_destroy_read_struct(&png, &info, NULL);
        ic_fail(status, IC_BUFFER, "output buffer too small", 0);
        return IC_BUFFER;
    }
    int color_type = png_get_color_type(png, info), bit_depth = png_get_bit_depth(png, info);
    png_set_alpha_mode(png, PNG_ALPHA_PNG, PNG_DEFAULT_sRGB);
    if (color_type == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
    if (color_type == PNG_COLOR_TYPE_GRAY && bit_depth < 8) png_set_expand_gray_1_2_4_to_8(png);
    int has_trns = png_get_valid(png, info, PNG_INFO_tRNS) != 0;
    if (has_trns) png_set_tRNS_to_alpha(png);
    if (bit_depth == 16) png_set_scale_16(png);
    if (color_type == PNG_COLOR_TYPE_GRAY || color_type == PNG_COLOR_TYPE_GRAY_ALPHA) png_set_gray_to_rgb(png);
    if (!(color_type & PNG_COLOR_MASK_ALPHA) && !has_trns) png_set_add_alpha(png, 0xFF, PNG_FILLER_AFTER);
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
    if (png_get_rowbytes(png, info) != (size_t)width * 4) png_error(png, "unexpected row layout after transforms");
    rows = malloc(sizeof(png_bytep) * height);
    if (!rows) png_error(png, "out of memory");
    for (png_uint_32 y = 0; y < height; y++) rows[y] = out + (size_t)y * (size_t)width * 4;
    png_read_image(png, rows);
    png_read_end(png, NULL);
    png_destroy_read_struct(&png, &info, NULL);
    free(rows);
    *out_width = (int)width;
    *out_height = (int)height;
    return IC_OK;
}

int ic_png_encode(const uint8_t *pixels, int width, int height, int channels, uint8_t **out, size_t *out_length, ic_status *status) {
    png_image image;
    png_alloc_size_t size = 0;
    memset(status, 0, sizeof *status);
    memset(&image, 0, sizeof image);
    *out = NULL;
    *out_length = 0;
    image.version = PNG_IMAGE_VERSION;
    image.width = (png_uint_32)width;
    image.height = (png_uint_32)height;
    image.format = channels == 4 ? PNG_FORMAT_RGBA : channels == 1 ? PNG_FORMAT_GRAY : PNG_FORMAT_RGB;
    if (!png_image_write_get_memory_size(image, size, 0, pixels, 0, NULL)) {
        ic_fail(status, IC_ERROR, image.message, 0);
        return IC_ERROR;
    }
    uint8_t *buffer = malloc(size);
    if (!buffer) {
        ic_fail(status, IC_ERROR, "out of memory", 0);
        return IC_ERROR;
    }
    if (!png_image_write_to_memory(&image, buffer, &size, 0, pixels, 0, NULL)) {
        free(buffer);
        ic_fail(status, IC_ERROR, image.message, 0);
        return IC_ERROR;
    }
    *out = buffer;
    *out_length = size;
    return IC_OK;
}

void ic_free(void *pointer) { free(pointer); }

void ic_tune_allocator(void) {
#ifdef M_MMAP_THRESHOLD
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);  // the largest value glibc accepts on 64-bit
    mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024);
#endif
}
