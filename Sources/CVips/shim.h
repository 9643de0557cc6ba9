#ifndef ZONEHUB_CVIPS_SHIM_H
#define ZONEHUB_CVIPS_SHIM_H
#include <vips/vips.h>

/* libvips takes its options as NULL-terminated variadic arguments, which Swift cannot call: these typed wrappers
   can be. Each returns NULL or non-zero on failure, with the reason in vips_error_buffer(). */

/* Starts the library once: no operation cache (each upload is decoded once), one worker thread per image (the
   caller bounds how many images are worked on at a time), and no loader outside JPEG, PNG and WebP, so that a file
   claiming to be an image never reaches the SVG, PDF, TIFF or other parsers vips could otherwise use. */
static inline int zonehub_vips_start(void) {
    if (VIPS_INIT("zonehub")) return -1;
    vips_cache_set_max(0);
    vips_concurrency_set(1);
    vips_block_untrusted_set(TRUE);
    vips_operation_block_set("VipsForeignLoad", TRUE);
    vips_operation_block_set("VipsForeignLoadJpeg", FALSE);
    vips_operation_block_set("VipsForeignLoadPng", FALSE);
    vips_operation_block_set("VipsForeignLoadWebp", FALSE);
    return 0;
}

/* The loader vips would pick for these bytes ("VipsForeignLoadJpegBuffer", ...), NULL when none knows them. */
static inline const char *zonehub_vips_loader(const void *data, size_t length) {
    return vips_foreign_find_load_buffer(data, length);
}

/* The image's header only: pixels are decoded later, when asked for, so dimensions can be checked first. */
static inline VipsImage *zonehub_vips_header(const void *data, size_t length) {
    return vips_image_new_from_buffer(data, length, "", "fail_on", VIPS_FAIL_ON_ERROR, NULL);
}

/* Decoded, turned upright by its orientation tag, in sRGB, shrunk (never enlarged) to fit width x height. The
   image comes from zonehub_vips_header, whose loader fails on a damaged or truncated file (vips_thumbnail_buffer
   does not pass that option on to its loader in libvips 8.14). */
static inline VipsImage *zonehub_vips_thumbnail(VipsImage *image, int width, int height) {
    VipsImage *out = NULL;
    if (vips_thumbnail_image(image, &out, width, "height", height, "size", VIPS_SIZE_DOWN, NULL)) return NULL;
    return out;
}

/* Removes every metadata field (EXIF, XMP, IPTC, ICC profile, orientation, comments, ...) from an image of the
   caller's own (a thumbnail's result). The savers' "strip" option alone is not enough: libvips 8.14's WebP saver
   writes an EXIF chunk rebuilt from these fields. */
static inline void zonehub_vips_forget_metadata(VipsImage *image) {
    gchar **fields = vips_image_get_fields(image);
    for (int i = 0; fields[i] != NULL; i++) vips_image_remove(image, fields[i]);
    g_strfreev(fields);
}

/* Encodes without any metadata: 0 JPEG, 1 WebP, 2 PNG. The buffer is freed with g_free. */
static inline int zonehub_vips_save(VipsImage *image, int format, int quality, void **buffer, size_t *length) {
    zonehub_vips_forget_metadata(image);
    switch (format) {
    case 0:
        return vips_jpegsave_buffer(image, buffer, length, "Q", quality, "strip", TRUE, "optimize_coding", TRUE,
                                    NULL);
    case 1:
        return vips_webpsave_buffer(image, buffer, length, "Q", quality, "strip", TRUE, NULL);
    default:
        return vips_pngsave_buffer(image, buffer, length, "strip", TRUE, NULL);
    }
}

static inline void zonehub_vips_release(VipsImage *image) { g_object_unref(image); }
static inline void zonehub_vips_free(void *buffer) { g_free(buffer); }
#endif
