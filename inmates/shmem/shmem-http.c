/*
 * A deliberately small HTTP/1.0-style server: one connection at a time,
 * "Connection: close", GET only. A demo page has one user clicking a
 * button; anything more would be a web framework.
 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "inmates/shmem/shmem-http.h"
#include "po/i18n.h"

/* How long a client has to send its request line: one connection is
 * served at a time, so a slow one keeps every other waiting. */
#define HTTP_REQUEST_SECONDS 5

static volatile sig_atomic_t http_stop;

static void http_on_signal(int sig)
{
	http_stop = sig;
}

/* Writes all of BUF; a client that went away is not our problem. */
static void http_send(int fd, const char *buf, size_t len)
{
	while (len) {
		ssize_t n = send(fd, buf, len, MSG_NOSIGNAL);

		if (n <= 0)
			return;
		buf += n;
		len -= (size_t)n;
	}
}

static void http_reply(int fd, const char *status, const char *type, const char *body)
{
	char head[256];
	int n = snprintf(head, sizeof(head),
			 "HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\n"
			 "Cache-Control: no-store\r\nConnection: close\r\n\r\n",
			 status, type, strlen(body));

	http_send(fd, head, (size_t)n);
	http_send(fd, body, strlen(body));
}

/* Appends S to the buffer with <, >, & and " escaped: translations are text. */
static void html_escape(char *out, size_t cap, const char *s)
{
	size_t n = strlen(out);

	for (; *s && n + 7 < cap; s++) {
		const char *rep = *s == '<' ? "&lt;" : *s == '>' ? "&gt;" :
				  *s == '&' ? "&amp;" : *s == '"' ? "&quot;" : NULL;

		if (rep) {
			memcpy(out + n, rep, strlen(rep));
			n += strlen(rep);
		} else {
			out[n++] = *s;
		}
	}
	out[n] = '\0';
}

static void http_page(int fd, const struct shmem_map *m)
{
	char page[4096] = "", esc[3][256] = { "", "", "" };
	const char *label_on = _("The LED is on"), *label_off = _("The LED is off");
	unsigned v = m->bytes[0];

	html_escape(esc[0], sizeof(esc[0]), _("autojail shared memory"));
	html_escape(esc[1], sizeof(esc[1]), label_on);
	html_escape(esc[2], sizeof(esc[2]), label_off);
	snprintf(page, sizeof(page),
		 "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%s</title></head>\n"
		 "<body><h1>%s</h1>\n"
		 "<p id=\"state\" data-value=\"%u\" data-on=\"%s\" data-off=\"%s\">%s</p>\n"
		 "<button id=\"toggle\" type=\"button\">",
		 esc[0], esc[0], v, esc[1], esc[2], v ? esc[1] : esc[2]);
	html_escape(page, sizeof(page), _("Toggle"));
	strncat(page,
		"</button>\n<script>\n"
		"const s = document.getElementById('state');\n"
		"document.getElementById('toggle').onclick = async () => {\n"
		"  const r = await fetch('/toggle');\n"
		"  const v = (await r.json()).value;\n"
		"  s.dataset.value = v;\n"
		"  s.textContent = v ? s.dataset.on : s.dataset.off;\n"
		"};\n</script></body></html>\n",
		sizeof(page) - strlen(page) - 1);
	http_reply(fd, "200 OK", "text/html; charset=utf-8", page);
}

static void http_value(int fd, unsigned v)
{
	char body[32];

	snprintf(body, sizeof(body), "{\"value\":%u}\n", v);
	http_reply(fd, "200 OK", "application/json", body);
}

/*
 * Sets the receive timeout to what is left until DEADLINE; false when
 * nothing is. A timeout per recv() alone would let a client that sends one
 * byte at a time hold the only thread for as long as it likes.
 */
static bool http_time_left(int fd, const struct timespec *deadline)
{
	struct timespec now;
	struct timeval tv;
	long long us;

	clock_gettime(CLOCK_MONOTONIC, &now);
	us = (long long)(deadline->tv_sec - now.tv_sec) * 1000000 +
	     (deadline->tv_nsec - now.tv_nsec) / 1000;
	if (us <= 0)
		return false;
	tv.tv_sec = (time_t)(us / 1000000);
	tv.tv_usec = (suseconds_t)(us % 1000000);
	return setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) == 0;
}

static void http_handle(int fd, struct shmem_map *m, const char *peer)
{
	char req[2048], method[8], path[256];
	struct timespec deadline;
	size_t len = 0;
	ssize_t n;

	clock_gettime(CLOCK_MONOTONIC, &deadline);
	deadline.tv_sec += HTTP_REQUEST_SECONDS;
	/* Only the request line matters; read until it is complete. */
	while (len < sizeof(req) - 1 && !memchr(req, '\n', len)) {
		if (!http_time_left(fd, &deadline))
			return;
		n = recv(fd, req + len, sizeof(req) - 1 - len, 0);
		if (n <= 0)
			return;
		len += (size_t)n;
	}
	req[len] = '\0';
	if (sscanf(req, "%7s %255s", method, path) != 2) {
		http_reply(fd, "400 Bad Request", "text/plain", _("bad request\n"));
		return;
	}
	if (strcmp(method, "GET") != 0) {
		http_reply(fd, "405 Method Not Allowed", "text/plain", _("only GET is served\n"));
		return;
	}
	if (strcmp(path, "/") == 0) {
		http_page(fd, m);
	} else if (strcmp(path, "/toggle") == 0) {
		unsigned old = m->bytes[0], now = old ? 0 : 1;

		m->bytes[0] = (uint8_t)now;
		printf(_("byte 0: %u -> %u (GET /toggle from %s)\n"), old, now, peer);
		fflush(stdout);
		http_value(fd, now);
	} else if (strcmp(path, "/state") == 0) {
		http_value(fd, m->bytes[0]);
	} else {
		http_reply(fd, "404 Not Found", "text/plain", _("not found\n"));
	}
}

int shmem_http_serve(struct shmem_map *m, const char *bind_addr, unsigned port)
{
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
	struct sigaction act = { .sa_handler = http_on_signal };
	socklen_t salen = sizeof(sa);
	int one = 1, srv;

	if (inet_pton(AF_INET, bind_addr, &sa.sin_addr) != 1) {
		fprintf(stderr, _("autojail-shmem: %s: not an IPv4 address\n"), bind_addr);
		return 2;
	}
	srv = socket(AF_INET, SOCK_STREAM, 0);
	if (srv < 0 || setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) < 0 ||
	    bind(srv, (struct sockaddr *)&sa, sizeof(sa)) < 0 || listen(srv, 8) < 0 ||
	    getsockname(srv, (struct sockaddr *)&sa, &salen) < 0) {
		fprintf(stderr, _("autojail-shmem: %s:%u: %s\n"), bind_addr, port, strerror(errno));
		if (srv >= 0)
			close(srv);
		return 1;
	}
	/* No SA_RESTART: a signal must interrupt accept() so that we exit. */
	sigaction(SIGINT, &act, NULL);
	sigaction(SIGTERM, &act, NULL);
	printf(_("serving http://%s:%u/\n"), bind_addr, ntohs(sa.sin_port));
	fflush(stdout);
	while (!http_stop) {
		struct sockaddr_in peer;
		socklen_t plen = sizeof(peer);
		char peer_name[INET_ADDRSTRLEN] = "?";
		int fd = accept(srv, (struct sockaddr *)&peer, &plen);

		if (fd < 0) {
			if (errno == EINTR || errno == ECONNABORTED)
				continue;
			fprintf(stderr, _("autojail-shmem: accept: %s\n"), strerror(errno));
			close(srv);
			return 1;
		}
		inet_ntop(AF_INET, &peer.sin_addr, peer_name, sizeof(peer_name));
		http_handle(fd, m, peer_name);
		close(fd);
	}
	close(srv);
	return 0;
}
