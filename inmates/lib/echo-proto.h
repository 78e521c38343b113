/*
 * The request/answer layout shmem-echo and `autojail-shmem echo` share.
 * Plain offsets into the shared page, little-endian u32 words, so that the
 * freestanding inmate and the Linux program need no common struct layout.
 * The root cell writes the text and its length, then bumps REQ_SEQ; the
 * inmate copies the text to the answer area, sets ANS_LEN and then ANS_SEQ
 * to the request's sequence number.
 */
#ifndef AJ_INMATE_ECHO_PROTO_H
#define AJ_INMATE_ECHO_PROTO_H

#define ECHO_REQ_SEQ	0x00
#define ECHO_REQ_LEN	0x04
#define ECHO_ANS_SEQ	0x08
#define ECHO_ANS_LEN	0x0c
#define ECHO_REQ_DATA	0x40
#define ECHO_ANS_DATA	0x800
#define ECHO_MAX	0x7c0	/* bytes in each data area */
#define ECHO_PAGE	0x1000	/* one 4 KiB page */

#endif
