#ifndef ZONEHUB_CCURL_SHIM_H
#define ZONEHUB_CCURL_SHIM_H
#include <curl/curl.h>
#include <string.h>

/* curl_easy_setopt is variadic, which Swift cannot call: these typed wrappers can be. */
static inline CURLcode zonehub_curl_set_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode zonehub_curl_set_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode zonehub_curl_set_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode zonehub_curl_get_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}
/* Discards a response body (libcurl would otherwise print it to standard output). */
static inline size_t zonehub_curl_discard(char *data, size_t size, size_t count, void *context) {
    (void)data; (void)context;
    return size * count;
}
static inline CURLcode zonehub_curl_discard_body(CURL *handle) {
    return curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, zonehub_curl_discard);
}
/* A message to upload (SMTP DATA) from memory. */
typedef struct {
    const char *data;
    size_t length;
    size_t offset;
} zonehub_upload;
static inline size_t zonehub_curl_read(char *buffer, size_t size, size_t count, void *context) {
    zonehub_upload *upload = (zonehub_upload *)context;
    size_t room = size * count;
    size_t left = upload->length - upload->offset;
    size_t n = left < room ? left : room;
    memcpy(buffer, upload->data + upload->offset, n);
    upload->offset += n;
    return n;
}
static inline CURLcode zonehub_curl_upload(CURL *handle, zonehub_upload *upload) {
    curl_easy_setopt(handle, CURLOPT_READFUNCTION, zonehub_curl_read);
    curl_easy_setopt(handle, CURLOPT_READDATA, upload);
    curl_easy_setopt(handle, CURLOPT_UPLOAD, 1L);
    return curl_easy_setopt(handle, CURLOPT_INFILESIZE_LARGE, (curl_off_t)upload->length);
}
#endif
