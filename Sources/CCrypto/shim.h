// OpenSSL's libcrypto, for SHA-256 only (it picks SHA-NI/AVX2 code paths at run time).
#include <openssl/evp.h>
