/*
 * autojail-shmem: the root cell's side of the shared page. Reads and sets
 * bytes, talks to shmem-echo, or serves the seed demo's toggle page. The
 * page comes from /dev/mem (--mem ADDR), a uio device (--uio DEV) or, for
 * tests and experiments, a plain file (--file PATH).
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "inmates/lib/echo-proto.h"
#include "inmates/shmem/shmem-http.h"
#include "inmates/shmem/shmem-map.h"
#include "po/i18n.h"

struct options {
	enum shmem_source src;
	const char *path;
	uint64_t offset, size, timeout_ms;
	const char *bind_addr;
	long http_port;		/* -1: no --http */
};

static void usage(FILE *out)
{
	fputs(_("Usage: autojail-shmem (--mem ADDR | --uio DEV | --file PATH) [OPTION]... COMMAND\n"
		"Reads and writes the page a Jailhouse root cell shares with an inmate.\n\n"
		"  --mem ADDR       map physical address ADDR through /dev/mem\n"
		"  --uio DEV        map a uio device (e.g. /dev/uio0), from its map 0\n"
		"  --file PATH      use a plain file standing in for the page\n"
		"  --offset N       start N bytes into the device or file\n"
		"  --size N         bytes to map (default 4096)\n"
		"  --timeout MS     how long 'echo' waits for the answer (default 2000)\n"
		"  --http PORT      serve a page with a toggle button for byte 0\n"
		"                   (PORT 0 picks a free port)\n"
		"  --bind ADDR      address to serve on (default 127.0.0.1)\n\n"
		"Commands:\n"
		"  get INDEX [COUNT]    print COUNT bytes (default 1) in hex\n"
		"  set INDEX VALUE...   write bytes\n"
		"  toggle INDEX         set a zero byte to 1, any other to 0\n"
		"  echo TEXT            ask shmem-echo to answer TEXT and print the answer\n"),
	      out);
}

/* Parses a number (decimal, 0x-hex) or reports which option got a bad one. */
static int parse_u64(const char *what, const char *s, uint64_t max, uint64_t *out)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || end == s || *end || s[0] == '-' || v > max) {
		fprintf(stderr, _("autojail-shmem: %s: '%s' is not a number up to %" PRIu64 "\n"),
			what, s, max);
		return -1;
	}
	*out = v;
	return 0;
}

static int cmd_get(struct shmem_map *m, int argc, char **argv)
{
	uint64_t idx, count = 1;

	if (argc < 1 || argc > 2 || parse_u64("get", argv[0], m->size - 1, &idx) < 0 ||
	    (argc == 2 && parse_u64("get", argv[1], m->size - idx, &count) < 0))
		return 2;
	for (uint64_t i = 0; i < count; i++)
		printf("%02x%c", m->bytes[idx + i], i + 1 == count || i % 16 == 15 ? '\n' : ' ');
	return 0;
}

static int cmd_set(struct shmem_map *m, int argc, char **argv)
{
	uint64_t idx, v;

	if (argc < 2 || parse_u64("set", argv[0], m->size - 1, &idx) < 0)
		return 2;
	if ((uint64_t)(argc - 1) > m->size - idx) {
		fprintf(stderr, _("autojail-shmem: set: %d bytes at %" PRIu64 " pass the end\n"),
			argc - 1, idx);
		return 2;
	}
	/* Check every value before writing any: no half-done update. */
	for (int i = 1; i < argc; i++)
		if (parse_u64("set", argv[i], 255, &v) < 0)
			return 2;
	for (int i = 1; i < argc; i++) {
		parse_u64("set", argv[i], 255, &v);
		m->bytes[idx + (uint64_t)i - 1] = (uint8_t)v;
	}
	return 0;
}

static int cmd_toggle(struct shmem_map *m, int argc, char **argv)
{
	uint64_t idx;

	if (argc != 1 || parse_u64("toggle", argv[0], m->size - 1, &idx) < 0)
		return 2;
	m->bytes[idx] = m->bytes[idx] ? 0 : 1;
	printf("%u\n", m->bytes[idx]);
	return 0;
}

static uint32_t get32(struct shmem_map *m, size_t off)
{
	return *(volatile uint32_t *)(m->bytes + off);
}

static void put32(struct shmem_map *m, size_t off, uint32_t v)
{
	*(volatile uint32_t *)(m->bytes + off) = v;
}

static int cmd_echo(struct shmem_map *m, int argc, char **argv, uint64_t timeout_ms)
{
	size_t len;
	uint32_t seq;
	struct timespec start, now;

	if (argc != 1)
		return 2;
	len = strlen(argv[0]);
	if (m->size < ECHO_PAGE || len > ECHO_MAX) {
		fprintf(stderr,
			_("autojail-shmem: echo needs a %d-byte page and at most %d bytes\n"),
			ECHO_PAGE, ECHO_MAX);
		return 2;
	}
	/* The protocol's words are read whole; unaligned, they fault on the
	 * uncached mapping of /dev/mem. */
	if ((uintptr_t)m->bytes % 4) {
		fputs(_("autojail-shmem: echo needs a page that is 4-byte aligned: "
			"give --offset as a multiple of 4\n"), stderr);
		return 2;
	}
	for (size_t i = 0; i < len; i++)
		m->bytes[ECHO_REQ_DATA + i] = (uint8_t)argv[0][i];
	put32(m, ECHO_REQ_LEN, (uint32_t)len);
	seq = get32(m, ECHO_REQ_SEQ) + 1;
	/* The inmate must see the text before the new sequence number. */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	put32(m, ECHO_REQ_SEQ, seq);
	clock_gettime(CLOCK_MONOTONIC, &start);
	while (get32(m, ECHO_ANS_SEQ) != seq) {
		struct timespec nap = { 0, 1000000 };

		clock_gettime(CLOCK_MONOTONIC, &now);
		if ((uint64_t)((now.tv_sec - start.tv_sec) * 1000 +
			       (now.tv_nsec - start.tv_nsec) / 1000000) > timeout_ms) {
			fprintf(stderr, _("autojail-shmem: echo: no answer within %" PRIu64
					  " ms (is shmem-echo running?)\n"), timeout_ms);
			return 1;
		}
		nanosleep(&nap, NULL);
	}
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	len = get32(m, ECHO_ANS_LEN);
	for (size_t i = 0; i < len && i < ECHO_MAX; i++)
		putchar(m->bytes[ECHO_ANS_DATA + i]);
	putchar('\n');
	return 0;
}

static int parse_options(int argc, char **argv, struct options *o)
{
	static const struct option longopts[] = {
		{ "mem", required_argument, NULL, 'm' },
		{ "uio", required_argument, NULL, 'u' },
		{ "file", required_argument, NULL, 'f' },
		{ "offset", required_argument, NULL, 'o' },
		{ "size", required_argument, NULL, 's' },
		{ "timeout", required_argument, NULL, 't' },
		{ "http", required_argument, NULL, 'H' },
		{ "bind", required_argument, NULL, 'b' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	uint64_t v;
	int c;

	while ((c = getopt_long(argc, argv, "+h", longopts, NULL)) != -1) {
		switch (c) {
		case 'm':
			if (parse_u64("--mem", optarg, UINT64_MAX, &o->offset) < 0)
				return 2;
			o->src = SHMEM_DEVMEM;
			o->path = "/dev/mem";
			break;
		case 'u':
		case 'f':
			o->src = c == 'u' ? SHMEM_UIO : SHMEM_FILE;
			o->path = optarg;
			break;
		case 'o':
			if (parse_u64("--offset", optarg, UINT64_MAX, &o->offset) < 0)
				return 2;
			break;
		case 's':
			if (parse_u64("--size", optarg, 1 << 30, &o->size) < 0 || !o->size)
				return 2;
			break;
		case 't':
			if (parse_u64("--timeout", optarg, 3600000, &o->timeout_ms) < 0)
				return 2;
			break;
		case 'H':
			if (parse_u64("--http", optarg, 65535, &v) < 0)
				return 2;
			o->http_port = (long)v;
			break;
		case 'b':
			o->bind_addr = optarg;
			break;
		case 'h':
			usage(stdout);
			exit(0);
		default:
			usage(stderr);
			return 2;
		}
	}
	if (!o->path) {
		fputs(_("autojail-shmem: say where the page is: --mem, --uio or --file\n"), stderr);
		return 2;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct options o = { .size = 4096, .timeout_ms = 2000, .bind_addr = "127.0.0.1",
			     .http_port = -1 };
	struct shmem_map m;
	char err[512];
	int rc;

	setlocale(LC_ALL, "");
#if ENABLE_NLS
	bindtextdomain(PACKAGE, LOCALEDIR);
	textdomain(PACKAGE);
#endif
	rc = parse_options(argc, argv, &o);
	if (rc)
		return rc;
	argc -= optind;
	argv += optind;
	if (o.http_port < 0 && argc < 1) {
		usage(stderr);
		return 2;
	}
	if (shmem_map_open(&m, o.src, o.path, o.offset, (size_t)o.size, err, sizeof(err)) < 0) {
		fprintf(stderr, "autojail-shmem: %s\n", err);
		return 1;
	}
	if (o.http_port >= 0)
		rc = shmem_http_serve(&m, o.bind_addr, (unsigned)o.http_port);
	else if (strcmp(argv[0], "get") == 0)
		rc = cmd_get(&m, argc - 1, argv + 1);
	else if (strcmp(argv[0], "set") == 0)
		rc = cmd_set(&m, argc - 1, argv + 1);
	else if (strcmp(argv[0], "toggle") == 0)
		rc = cmd_toggle(&m, argc - 1, argv + 1);
	else if (strcmp(argv[0], "echo") == 0)
		rc = cmd_echo(&m, argc - 1, argv + 1, o.timeout_ms);
	else {
		fprintf(stderr, _("autojail-shmem: unknown command '%s'\n"), argv[0]);
		rc = 2;
	}
	if (rc == 2 && argc >= 1 && o.http_port < 0)
		fprintf(stderr, _("autojail-shmem: usage: see autojail-shmem --help\n"));
	shmem_map_close(&m);
	return rc;
}
