/*
 * The text parsers and the advice on their own: nesting and widths of
 * /proc/iomem, bad lines, binary junk and huge input (a warning naming file
 * and line, never a crash or hang), cpuinfo numbering of a TX2, interrupts,
 * the command line, mem= and a duplicated console=, sysfs PCI names and
 * resources, the dump reader's size limit and the dump copy's write errors.
 */
#include "config.h"

#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/util.h"
#include "src/extract-advice.h"
#include "src/extract-fdt.h"
#include "src/extract-merge.h"
#include "src/extract-proc.h"

#define MiB (UINT64_C(1) << 20)

START_TEST(iomem_nesting_and_widths)
{
	static const char text[] =
		"00000000-0000ffff : reserved\n"
		"02100000-02100fff : /axip2p@2100000\n"
		"10000000-3efeffff : pcie@10000000\n"
		"  10000000-1003ffff : 0000:00:01.0\n"
		"    10000000-10000fff : virtio-pci-modern\n"
		"  10040000-10040fff : 0000:00:01.0\n"
		"80000000-efffffff : System RAM\n"
		"  80280000-817fffff : Kernel code\n"
		"f0200000-2757fffff : System RAM\n"
		"8000000000-ffffffffff : pcie@10000000\n";
	struct extract_report rep;
	struct iomem io = { 0 };

	report_init(&rep);
	iomem_parse(text, sizeof(text) - 1, "iomem", &io, &rep);
	ck_assert_uint_eq(rep.n, 0);
	ck_assert_uint_eq(io.n, 10);
	ck_assert_int_eq(io.e[3].parent, 2);
	ck_assert_int_eq(io.e[4].parent, 3);
	ck_assert_uint_eq(io.e[4].depth, 2);
	ck_assert_int_eq(io.e[5].parent, 2);       /* back up one level */
	ck_assert_int_eq(io.e[6].parent, -1);
	ck_assert_uint_eq(io.e[8].end, 0x2757fffff);
	ck_assert_uint_eq(io.e[9].start, 0x8000000000);
	ck_assert_str_eq(io.e[7].name, "Kernel code");
	ck_assert_uint_eq(io.e[7].line, 8);
	iomem_free(&io);
	report_free(&rep);
}
END_TEST

START_TEST(iomem_bad_lines)
{
	static const char text[] =
		"02100000-02100fff : ok\n"
		"275890000-27589ffff list for sublist in mem_region_list): persistent_ram\n"
		"zz-10 : junk\n"
		"10-0 : backwards\n"
		"      20-30 : too deep\n"
		"11111111111111111-2 : too wide\n"
		"\x01\x02\0\xff\n"
		"03000000-03000fff : fine again\n";
	struct extract_report rep;
	struct iomem io = { 0 };

	report_init(&rep);
	iomem_parse(text, sizeof(text) - 1, "dump/proc/iomem", &io, &rep);
	ck_assert_uint_eq(io.n, 2);
	ck_assert_str_eq(io.e[1].name, "fine again");
	ck_assert(report_has(&rep, "dump/proc/iomem:2: ignored"));
	ck_assert(report_has(&rep, "dump/proc/iomem:4: ignored: the end address lies below"));
	ck_assert(report_has(&rep, "dump/proc/iomem:5: ignored: indented deeper"));
	ck_assert(report_has(&rep, "1 more bad lines ignored"));   /* 6 bad, 5 shown */
	iomem_free(&io);
	report_free(&rep);
}
END_TEST

/* Megabytes of junk: bounded warnings, and it finishes. */
START_TEST(huge_junk)
{
	size_t len = 8 * MiB;
	char *buf = xmalloc(len);
	uint32_t bits[BOARD_MAX_IRQS / 32] = { 0 };
	struct extract_report rep;
	struct iomem io = { 0 };
	struct cpuinfo ci = { 0 };
	struct cmdline cl = { 0 };

	for (size_t i = 0; i < len; i++)
		buf[i] = (char)((i * 2654435761u) >> 13);
	report_init(&rep);
	iomem_parse(buf, len, "iomem", &io, &rep);
	cpuinfo_parse(buf, len, "cpuinfo", &ci, &rep);
	interrupts_parse(buf, len, "interrupts", bits, &rep);
	cmdline_parse(buf, len, "cmdline", &cl, &rep);
	ck_assert_uint_le(rep.n, 4 * (REPORT_MAX_BAD_LINES + 1) + 2);
	ck_assert(report_has(&rep, "more bad lines ignored"));
	iomem_free(&io);
	cpuinfo_free(&ci);
	cmdline_free(&cl);
	report_free(&rep);
	free(buf);
}
END_TEST

/* A TX2 as L4T numbers it: boot CPU 0 is an A57, 1-2 Denver, 3-5 A57. */
START_TEST(cpuinfo_numbers_tx2)
{
	static const char *const cores[6] = {
		"nvidia,tegra186-denver", "nvidia,tegra186-denver", "arm,cortex-a57",
		"arm,cortex-a57", "arm,cortex-a57", "arm,cortex-a57",
	};
	static const uint64_t mpidr[6] = { 0x0, 0x1, 0x100, 0x101, 0x102, 0x103 };
	char text[2048] = "";
	static const uint32_t parts[6] = { 0xd07, 0x003, 0x003, 0xd07, 0xd07, 0xd07 };
	struct fdt_result res = { 0 };
	struct extract_report rep;
	struct cpuinfo ci = { 0 };
	struct board b;

	for (int i = 0; i < 6; i++)
		snprintf(text + strlen(text), sizeof(text) - strlen(text),
			 "processor\t: %d\nBogoMIPS\t: 62.50\nCPU implementer\t: 0x%x\n"
			 "CPU part\t: 0x%03x\n\n", i, parts[i] == 0x003 ? 0x4e : 0x41, parts[i]);
	report_init(&rep);
	cpuinfo_parse(text, strlen(text), "cpuinfo", &ci, &rep);
	ck_assert_uint_eq(rep.n, 0);
	ck_assert_uint_eq(ci.n, 6);
	ck_assert(!ci.aarch32);
	board_init(&b);
	for (int i = 0; i < 6; i++) {
		struct board_cpu *c = board_add_cpu(&b, (uint32_t)i, mpidr[i]);

		c->core_type = xstrdup(cores[i]);
	}
	cpu_number(&b, &res, NULL, 0, &ci, "cpuinfo", &rep);
	ck_assert_uint_eq(board_cpu(&b, 0)->mpidr, 0x100);
	ck_assert_uint_eq(board_cpu(&b, 1)->mpidr, 0x000);
	ck_assert_uint_eq(board_cpu(&b, 2)->mpidr, 0x001);
	ck_assert_uint_eq(board_cpu(&b, 3)->mpidr, 0x101);
	ck_assert_uint_eq(board_cpu(&b, 5)->mpidr, 0x103);
	ck_assert(board_cpu(&b, 5)->linux_online);
	ck_assert_uint_eq(rep.n, 0);
	board_free(&b);
	cpuinfo_free(&ci);
	report_free(&rep);
}
END_TEST

START_TEST(interrupts_lines)
{
	static const char text[] =
		"           CPU0       CPU1       \n"
		"  9:          0          0     GICv3  25 Level     vgic\n"
		" 11:        326        209     GICv3  30 Level     arch_timer\n"
		" 40:          1          0     GIC-0 176 Level     tegra-uart\n"
		" 50:          0          0  gpio-tegra  12 Edge    button\n"
		" 60:          0          0     GICv2\n"
		"IPI0:        20         12       Rescheduling interrupts\n"
		"Err:          0\n";
	uint32_t bits[BOARD_MAX_IRQS / 32] = { 0 };
	struct extract_report rep;

	report_init(&rep);
	ck_assert_uint_eq(interrupts_parse(text, sizeof(text) - 1, "interrupts", bits, &rep), 3);
	ck_assert(bits[25 / 32] & (1u << (25 % 32)));
	ck_assert(bits[176 / 32] & (1u << (176 % 32)));
	ck_assert(!(bits[12 / 32] & (1u << 12)));
	ck_assert(report_has(&rep, "interrupts:6: ignored"));
	report_free(&rep);
}
END_TEST

START_TEST(kernel_log_spis)
{
	static const char v3[] =
		"[    0.000000] GICv3: GIC: Using split EOI/Deactivate mode\n"
		"[    0.000000] GICv3: 224 SPIs implemented\n"
		"[    0.000000] GICv3: 0 Extended SPIs implemented\n";
	static const char v2[] = "[    0.000000] GIC: Using split EOI/Deactivate mode\n";
	static const char junk[] = "GICv3: 4000 SPIs implemented\nGICv3: SPIs implemented";
	unsigned line = 0;

	ck_assert_uint_eq(kernel_log_gic_spis(v3, sizeof(v3) - 1, &line), 224);
	ck_assert_uint_eq(line, 2);
	ck_assert_uint_eq(kernel_log_gic_spis(v2, sizeof(v2) - 1, &line), 0);
	ck_assert_uint_eq(kernel_log_gic_spis(junk, sizeof(junk) - 1, &line), 0);
}
END_TEST

START_TEST(cmdline_words)
{
	static const char text[] = "root=/dev/mmcblk0p1 console=ttyS0,115200n8 mem=7808M "
				   "dyndbg=\"file a.c +p\" memmap=64M$0x270000000 "
				   "console=ttyS0,115200n8 mem=junk\n";
	struct extract_report rep;
	struct cmdline cl = { 0 };
	const char *end;
	uint64_t v;

	report_init(&rep);
	cmdline_parse(text, sizeof(text) - 1, "cmdline", &cl, &rep);
	ck_assert_uint_eq(cl.mem, 7808 * MiB);
	ck_assert_uint_eq(cl.n_consoles, 2);
	ck_assert_str_eq(cl.consoles[0], "ttyS0,115200n8");
	ck_assert_uint_eq(cl.n_memmaps, 1);
	ck_assert(report_has(&rep, "cmdline:1: cannot read \"mem=junk\""));
	ck_assert(cmdline_size("0x1000K", &v, &end) && v == 0x400000 && !*end);
	ck_assert(!cmdline_size("99999999999999999999T", &v, &end));
	cmdline_free(&cl);
	report_free(&rep);
}
END_TEST

/* sysfs PCI: device folder names and the BARs of a resource file (the
 * first line as on the Raspberry Pi 4's USB controller); a file that ends
 * before the sixth line is not an error. */
START_TEST(pci_names_and_resources)
{
	static const char res[] = "0x0000000600000000 0x0000000600000fff 0x0000000000140204\n"
				  "0x0000000000000000 0x0000000000000000 0x0000000000000000\n";
	static const char bad[] = "0x1000 0x1fff 0x200\n0x3000 0x2fff 0x200\n";
	struct extract_report rep;
	struct board_pci p;
	uint16_t dom, bdf;

	ck_assert(pci_parse_name("0000:01:00.0", &dom, &bdf));
	ck_assert_uint_eq(dom, 0);
	ck_assert_uint_eq(bdf, 0x100);
	ck_assert(pci_parse_name("0001:00:1f.3", &dom, &bdf));
	ck_assert_uint_eq(dom, 1);
	ck_assert_uint_eq(bdf, 0xfb);
	ck_assert(!pci_parse_name("0000:00:20.0", &dom, &bdf));     /* device 32 */
	ck_assert(!pci_parse_name("0000:00:00.8", &dom, &bdf));     /* function 8 */
	ck_assert(!pci_parse_name("0000:00:00.0x", &dom, &bdf));
	ck_assert(!pci_parse_name("pci0000:00", &dom, &bdf));

	report_init(&rep);
	memset(&p, 0, sizeof(p));
	ck_assert(pci_parse_resource(res, sizeof(res) - 1, "resource", &p, &rep));
	ck_assert_uint_eq(p.bars[0].start, 0x600000000);
	ck_assert_uint_eq(p.bars[0].size, 0x1000);
	ck_assert_uint_eq(p.bars[1].size, 0);
	memset(&p, 0, sizeof(p));
	ck_assert(!pci_parse_resource(bad, sizeof(bad) - 1, "resource", &p, &rep));
	ck_assert_uint_eq(p.bars[0].size, 0x1000);
	ck_assert(report_has(&rep, "resource:2: ignored"));
	report_free(&rep);
}
END_TEST

/* The advice on a board built by hand: console= twice, a generic boot loader. */
START_TEST(advice_mem_and_console)
{
	struct board b;
	struct advice a;

	board_init(&b);
	b.compatible = xstrdup("vendor,board");
	b.cmdline = xstrdup("console=ttyAMA0,115200 quiet console=tty1 console=ttyAMA0");
	advice_compute(&b, &a);
	ck_assert_str_eq(a.duplicate_console, "ttyAMA0");
	ck_assert_ptr_nonnull(strstr(a.where, "boot loader"));
	advice_free(&a);

	free(b.cmdline);
	b.cmdline = xstrdup("console=ttyAMA0,115200 quiet");
	advice_compute(&b, &a);
	ck_assert_ptr_null(a.duplicate_console);
	advice_free(&a);
	board_free(&b);
}
END_TEST

START_TEST(dump_limits_and_names)
{
	char dir[] = "/tmp/aj-dump.XXXXXX";
	struct error err;
	struct dump *d;
	char *path, *buf;
	size_t len;
	int fd;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	path = xasprintf("%s/proc", dir);
	ck_assert_int_eq(mkdir(path, 0777), 0);
	free(path);
	path = xasprintf("%s/proc/iomem", dir);
	fd = open(path, O_CREAT | O_WRONLY, 0644);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(ftruncate(fd, DUMP_MAX_FILE + 1), 0);   /* sparse, instant */
	close(fd);
	error_clear(&err);
	d = dump_open_dir(dir, &err);
	ck_assert_ptr_nonnull(d);
	ck_assert_int_eq(dump_read(d, "proc/iomem", DUMP_MAX_FILE, &buf, &len, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.text, "proc/iomem: larger than"));
	error_clear(&err);
	ck_assert_int_eq(dump_read(d, "proc/cpuinfo", DUMP_MAX_FILE, &buf, &len, &err), 1);
	ck_assert(!err.set);
	ck_assert_int_eq(dump_read(d, "proc", DUMP_MAX_FILE, &buf, &len, &err), -1);
	dump_close(d);
	unlink(path);
	free(path);
	path = xasprintf("rm -rf '%s'", dir);
	ck_assert_int_eq(system(path), 0);
	free(path);
	error_clear(&err);
	ck_assert_ptr_null(dump_open_dir("/nonexistent/dump", &err));
	ck_assert_ptr_nonnull(strstr(err.text, "/nonexistent/dump"));
}
END_TEST

/* A write error that shows only when the file is closed (a full disk): the
 * copy fails with the file's name, and the stream is closed once. */
/* The running machine answers ip-addr.json with `ip -j addr`. */
START_TEST(local_ip_addr)
{
	struct dump *d = dump_open_local();
	struct error err;
	char *buf = NULL;
	size_t len = 0;
	int ret;

	error_clear(&err);
	ret = dump_read(d, "ip-addr.json", DUMP_MAX_FILE, &buf, &len, &err);
	if (system("ip -j addr >/dev/null 2>&1") == 0) {
		ck_assert_int_eq(ret, 0);
		ck_assert(len > 0 && buf[0] == '[');
		ck_assert_ptr_nonnull(strstr(buf, "\"ifname\""));
	} else {
		ck_assert_int_eq(ret, 1);
	}
	free(buf);
	dump_close(d);
}
END_TEST

START_TEST(dump_copy_full_disk)
{
	char src[] = "/tmp/aj-src.XXXXXX", dst[] = "/tmp/aj-dst.XXXXXX";
	struct error err;
	struct dump *d;
	char *path;
	FILE *f;

	if (access("/dev/full", W_OK) != 0)
		return;
	ck_assert_ptr_nonnull(mkdtemp(src));
	ck_assert_ptr_nonnull(mkdtemp(dst));
	path = xasprintf("%s/proc", src);
	ck_assert_int_eq(mkdir(path, 0777), 0);
	free(path);
	path = xasprintf("%s/proc/cmdline", src);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs("console=ttyS0 mem=768M\n", f);
	ck_assert_int_eq(fclose(f), 0);
	free(path);
	path = xasprintf("%s/proc", dst);
	ck_assert_int_eq(mkdir(path, 0777), 0);
	free(path);
	path = xasprintf("%s/proc/cmdline", dst);
	ck_assert_int_eq(symlink("/dev/full", path), 0);
	free(path);

	error_clear(&err);
	d = dump_open_dir(src, &err);
	ck_assert_ptr_nonnull(d);
	ck_assert_int_eq(dump_copy(d, dst, &err), -1);
	ck_assert_msg(strstr(err.text, "proc/cmdline: cannot write"), "%s", err.text);
	dump_close(d);
	path = xasprintf("rm -rf '%s' '%s'", src, dst);
	ck_assert_int_eq(system(path), 0);
	free(path);
}
END_TEST

int main(void)
{
	SRunner *sr;
	Suite *s = suite_create("extract-parsers");
	TCase *tc = tcase_create("parsers");
	int failed;

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, iomem_nesting_and_widths);
	tcase_add_test(tc, iomem_bad_lines);
	tcase_add_test(tc, huge_junk);
	tcase_add_test(tc, cpuinfo_numbers_tx2);
	tcase_add_test(tc, interrupts_lines);
	tcase_add_test(tc, kernel_log_spis);
	tcase_add_test(tc, cmdline_words);
	tcase_add_test(tc, pci_names_and_resources);
	tcase_add_test(tc, advice_mem_and_console);
	tcase_add_test(tc, dump_limits_and_names);
	tcase_add_test(tc, dump_copy_full_disk);
	tcase_add_test(tc, local_ip_addr);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
