/*
 * Sizes, CPU lists and flag names: what is accepted, what is refused, and
 * that everything formatted reads back to the same value.
 */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "model/board.h"
#include "model/cell.h"
#include "model/units.h"
#include "model/util.h"

static uint64_t rng_state = UINT64_C(0x2545f4914f6cdd1d);

static uint64_t rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * UINT64_C(2685821657736338717);
}

struct num_case {
	const char *text;
	bool ok;
	uint64_t value;
};

static const struct num_case u64_cases[] = {
	{ "0", true, 0 },
	{ "4096", true, 4096 },
	{ "0x4000000", true, 0x4000000 },
	{ "0X1f", true, 0x1f },
	{ "0b101", true, 5 },
	{ "18446744073709551615", true, UINT64_MAX },
	{ "0xffffffffffffffff", true, UINT64_MAX },
	{ "18446744073709551616", false, 0 },
	{ "0x10000000000000000", false, 0 },
	{ "", false, 0 },
	{ "-1", false, 0 },
	{ "+1", false, 0 },
	{ " 1", false, 0 },
	{ "1 ", false, 0 },
	{ "12a", false, 0 },
	{ "0x", false, 0 },
	{ "0b2", false, 0 },
	{ "0xg", false, 0 },
	{ "1.5", false, 0 },
};

START_TEST(u64_parse)
{
	const struct num_case *c = &u64_cases[_i];
	uint64_t v = 12345;

	ck_assert_msg(parse_u64(c->text, &v) == c->ok, "parse_u64(\"%s\")", c->text);
	if (c->ok)
		ck_assert_uint_eq(v, c->value);
	else
		ck_assert_uint_eq(v, 12345);
}
END_TEST

static const struct num_case size_cases[] = {
	{ "64 MiB", true, 64ull << 20 },
	{ "64MiB", true, 64ull << 20 },
	{ "64M", true, 64ull << 20 },
	{ "64 MB", true, 64ull << 20 },
	{ "64 mib", true, 64ull << 20 },
	{ "1 GiB", true, 1ull << 30 },
	{ "1G", true, 1ull << 30 },
	{ "2 GB", true, 2ull << 30 },
	{ "4 KiB", true, 4096 },
	{ "4K", true, 4096 },
	{ "4 KB", true, 4096 },
	{ "3 TiB", true, 3ull << 40 },
	{ "1T", true, 1ull << 40 },
	{ "512 B", true, 512 },
	{ "0B", true, 0 },
	{ "0x4000000", true, 0x4000000 },
	{ "0x10 MiB", true, 16ull << 20 },
	{ "0b1 KiB", true, 1024 },
	{ "4096", true, 4096 },
	{ "16777215 TiB", true, 16777215ull << 40 },
	{ "16777216 TiB", false, 0 },
	{ "18446744073709551616", false, 0 },
	{ "", false, 0 },
	{ " ", false, 0 },
	{ "MiB", false, 0 },
	{ "-64 MiB", false, 0 },
	{ "64 MiB!", false, 0 },
	{ "64 MiB ", false, 0 },
	{ "64 PiB", false, 0 },
	{ "64 Mi", false, 0 },
	{ "1.5 GiB", false, 0 },
	{ "64 MiB 2", false, 0 },
};

START_TEST(size_parse)
{
	const struct num_case *c = &size_cases[_i];
	uint64_t v = 12345;

	ck_assert_msg(parse_size(c->text, &v) == c->ok, "parse_size(\"%s\")", c->text);
	if (c->ok)
		ck_assert_uint_eq(v, c->value);
	else
		ck_assert_uint_eq(v, 12345);
}
END_TEST

START_TEST(size_format)
{
	static const struct {
		uint64_t v;
		const char *text;
	} cases[] = {
		{ 64ull << 20, "64 MiB" },
		{ 1ull << 30, "1 GiB" },
		{ 1536ull << 20, "1536 MiB" },
		{ 4096, "4 KiB" },
		{ 5ull << 40, "5 TiB" },
		{ 1ull << 50, "1024 TiB" },
		{ 0, "0x0" },
		{ 512, "0x200" },
		{ 0x1001, "0x1001" },
		{ UINT64_MAX, "0xffffffffffffffff" },
	};
	char buf[32];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		format_size(cases[i].v, buf, sizeof(buf));
		ck_assert_str_eq(buf, cases[i].text);
	}
	/* A short buffer is cut, never overrun. */
	format_size(64ull << 20, buf, 4);
	ck_assert_str_eq(buf, "64 ");
}
END_TEST

START_TEST(size_round_trip)
{
	char buf[32];
	uint64_t v, back;
	int i;

	for (i = 0; i < 20000; i++) {
		unsigned shift = (unsigned)(rng() % 64);

		/* Mix values with many trailing zeros (units) and arbitrary ones. */
		v = rng() >> shift << (rng() % 2 ? rng() % 44 : 0);
		format_size(v, buf, sizeof(buf));
		ck_assert_msg(parse_size(buf, &back), "%s does not parse", buf);
		ck_assert_uint_eq(back, v);
	}
}
END_TEST

START_TEST(size_short)
{
	static const struct {
		uint64_t v;
		const char *text;
	} cases[] = {
		{ 0, "0B" },
		{ 1023, "1023B" },
		{ 64 << 10, "64K" },
		{ 8160437862ull, "7.6G" },
		{ 1ull << 30, "1G" },
		{ (1ull << 30) + 1, "1.0G" },
		{ 100ull << 20 | 12345, "100M" },
		{ UINT64_MAX, "16E" },
	};
	char buf[16];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		format_size_short(cases[i].v, buf, sizeof(buf));
		ck_assert_str_eq(buf, cases[i].text);
	}
}
END_TEST

START_TEST(size_human)
{
	static const struct {
		uint64_t v;
		const char *text;
	} cases[] = {
		{ 0, "0 B" },
		{ 64 << 10, "64 KiB" },
		{ 7997376ull << 10, "7.6 GiB" },
		{ 16ull << 20, "16 MiB" },
		{ 8ull << 30, "8 GiB" },
	};
	char buf[16];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		format_size_human(cases[i].v, buf, sizeof(buf));
		ck_assert_str_eq(buf, cases[i].text);
	}
}
END_TEST

START_TEST(cpu_list_parse)
{
	static const struct {
		const char *text;
		bool ok;
		uint64_t mask;
	} cases[] = {
		{ "", true, 0 },
		{ "0", true, 1 },
		{ "0,3-5", true, 0x39 },
		{ "0, 3 - 5", true, 0x39 },
		{ "5-5", true, 0x20 },
		{ "1,1,0-1", true, 0x3 },
		{ "63", true, UINT64_C(1) << 63 },
		{ "0-63", true, UINT64_MAX },
		{ "64", false, 0 },
		{ "0-64", false, 0 },
		{ "5-3", false, 0 },
		{ "1,", false, 0 },
		{ ",1", false, 0 },
		{ "1,,2", false, 0 },
		{ "a", false, 0 },
		{ "1-", false, 0 },
		{ "-1", false, 0 },
		{ "1;2", false, 0 },
		{ "0x1", false, 0 },
		{ "99999999999999999999", false, 0 },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		uint64_t m = 0xdead;

		ck_assert_msg(parse_cpu_list(cases[i].text, &m) == cases[i].ok,
			      "parse_cpu_list(\"%s\")", cases[i].text);
		ck_assert_uint_eq(m, cases[i].ok ? cases[i].mask : 0xdead);
	}
}
END_TEST

START_TEST(cpu_list_format)
{
	static const struct {
		uint64_t mask;
		const char *text;
	} cases[] = {
		{ 0, "" },
		{ 0x1, "0" },
		{ 0x39, "0,3-5" },
		{ 0x3, "0,1" },
		{ 0x36, "1,2,4,5" },
		{ 0xf0, "4-7" },
		{ UINT64_MAX, "0-63" },
		{ UINT64_C(3) << 62, "62,63" },
	};
	char buf[256];
	uint64_t back;
	size_t i;
	int k;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		format_cpu_list(cases[i].mask, buf, sizeof(buf));
		ck_assert_str_eq(buf, cases[i].text);
	}
	for (k = 0; k < 5000; k++) {
		uint64_t m = rng() & rng();

		format_cpu_list(m, buf, sizeof(buf));
		ck_assert_msg(parse_cpu_list(buf, &back), "%s does not parse", buf);
		ck_assert_uint_eq(back, m);
	}
	format_cpu_list(0x39, buf, 4);
	ck_assert_str_eq(buf, "0,3");
}
END_TEST

START_TEST(flag_names)
{
	uint32_t v = 0;

	ck_assert(flag_lookup(mem_flag_names, "READ", &v) && v == MEM_READ);
	ck_assert(flag_parse(mem_flag_names, "READ|write, io", &v) &&
		  v == (MEM_READ | MEM_WRITE | MEM_IO));
	ck_assert(flag_parse(mem_flag_names, "0x3", &v) && v == 3);
	ck_assert(!flag_parse(mem_flag_names, "READ|frob", &v));
	ck_assert(flag_lookup(mem_flag_names, "rootshared", &v) && v == MEM_ROOTSHARED);
	ck_assert(flag_lookup(mem_flag_names, "JAILHOUSE_MEM_IO_32", &v) && v == MEM_IO_32);
	ck_assert(flag_lookup(mem_flag_names, "mem_io", &v) && v == MEM_IO);
	ck_assert(flag_lookup(cell_flag_names, "JAILHOUSE_CELL_PASSIVE_COMMREG", &v) &&
		  v == CELL_PASSIVE_COMMREG);
	ck_assert(flag_lookup(cell_flag_names, "virtual_console_active", &v) &&
		  v == CELL_VIRTUAL_CONSOLE_ACTIVE);
	ck_assert(flag_lookup(console_flag_names, "JAILHOUSE_CON_REGDIST_4", &v) &&
		  v == CON_FLAG_REGDIST_4);
	ck_assert(flag_lookup(console_flag_names, "con_access_mmio", &v) &&
		  v == CON_FLAG_ACCESS_MMIO);
	ck_assert(flag_lookup(console_type_names, "8250", &v) && v == CON_8250);
	ck_assert(flag_lookup(console_type_names, "JAILHOUSE_CON_TYPE_PL011", &v) &&
		  v == CON_PL011);
	ck_assert(flag_lookup(console_type_names, "imx_lpuart", &v) && v == CON_IMX_LPUART);
	ck_assert(flag_lookup(mem_flag_names, "0x200", &v) && v == 0x200);

	v = 77;
	ck_assert(!flag_lookup(mem_flag_names, "REED", &v));
	ck_assert(!flag_lookup(mem_flag_names, "JAILHOUSE_MEM_", &v));
	ck_assert(!flag_lookup(mem_flag_names, "", &v));
	ck_assert(!flag_lookup(cell_flag_names, "READ", &v));
	ck_assert(!flag_lookup(mem_flag_names, "0x100000000", &v));
	ck_assert_uint_eq(v, 77);

	ck_assert_str_eq(flag_name(console_type_names, CON_SCIF), "SCIF");
	ck_assert_str_eq(flag_name(mem_flag_names, MEM_IO_64), "IO_64");
	ck_assert_ptr_null(flag_name(mem_flag_names, MEM_READ | MEM_WRITE));
}
END_TEST

/* Splits formatted flags at sep and looks every part up again. */
static uint32_t flags_parse_back(const struct flag_name *table, const char *text, char sep)
{
	char *copy = xstrdup(text), *part = copy, *end;
	uint32_t v = 0, one;

	if (!*copy) {
		free(copy);
		return 0;
	}
	for (;;) {
		end = strchr(part, sep);
		if (end)
			*end = '\0';
		ck_assert_msg(flag_lookup(table, part, &one), "\"%s\" in \"%s\"", part, text);
		v |= one;
		if (!end)
			break;
		part = end + 1;
	}
	free(copy);
	return v;
}

START_TEST(flag_format_round_trip)
{
	const struct flag_name *tables[] = { mem_flag_names, cell_flag_names, console_flag_names };
	char buf[512];
	size_t t;
	int i;

	flag_format(mem_flag_names, MEM_READ | MEM_WRITE | MEM_IO | MEM_IO_32, "|", buf,
		    sizeof(buf));
	ck_assert_str_eq(buf, "READ|WRITE|IO|IO_32");
	flag_format(mem_flag_names, MEM_READ | 0x600, ", ", buf, sizeof(buf));
	ck_assert_str_eq(buf, "READ, 0x600");
	flag_format(cell_flag_names, 0, "|", buf, sizeof(buf));
	ck_assert_str_eq(buf, "");
	flag_format(console_flag_names, 0x8, "|", buf, sizeof(buf));
	ck_assert_str_eq(buf, "0x8");
	for (t = 0; t < ARRAY_SIZE(tables); t++) {
		for (i = 0; i < 3000; i++) {
			uint32_t v = (uint32_t)(rng() & rng());

			flag_format(tables[t], v, "|", buf, sizeof(buf));
			ck_assert_uint_eq(flags_parse_back(tables[t], buf, '|'), v);
		}
	}
	flag_format(mem_flag_names, MEM_READ | MEM_WRITE, "|", buf, 6);
	ck_assert_str_eq(buf, "READ|");
}
END_TEST

static Suite *units_suite(void)
{
	Suite *s = suite_create("units");
	TCase *tc = tcase_create("units");

	tcase_add_loop_test(tc, u64_parse, 0, (int)ARRAY_SIZE(u64_cases));
	tcase_add_loop_test(tc, size_parse, 0, (int)ARRAY_SIZE(size_cases));
	tcase_add_test(tc, size_format);
	tcase_add_test(tc, size_round_trip);
	tcase_add_test(tc, size_short);
	tcase_add_test(tc, size_human);
	tcase_add_test(tc, cpu_list_parse);
	tcase_add_test(tc, cpu_list_format);
	tcase_add_test(tc, flag_names);
	tcase_add_test(tc, flag_format_round_trip);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(units_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
