/* autojail show: a summary of the board and the cells. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "model/derive.h"
#include "po/i18n.h"
#include "model/units.h"
#include "src/cmd.h"
#include "src/extract-advice.h"

static void show_board(const struct board *b)
{
	char size[32], linux_size[32];
	size_t mmio = 0;

	for (size_t i = 0; i < b->n_regions; i++)
		mmio += b->regions[i].kind == REGION_MMIO;
	format_size_human(board_ram_size(b), size, sizeof(size));
	format_size_human(board_linux_ram_size(b), linux_size, sizeof(linux_size));
	printf(_("Board: %s\n"), b->model ? b->model : (b->name ? b->name : _("(unnamed)")));
	if (b->compatible)
		printf(_("  compatible:  %s\n"), b->compatible);
	printf(_("  RAM:         %s, of which Linux uses %s\n"), size, linux_size);
	printf(_("  regions:     %zu (%zu MMIO)\n"), b->n_regions, mmio);
	if (b->gic.version != GIC_NONE) {
		printf(_("  GIC:         v%d, distributor 0x%llx, maintenance interrupt %u, %u interrupts\n"),
		       (int)b->gic.version, (unsigned long long)b->gic.gicd.start,
		       b->gic.maintenance_irq, b->gic.num_irqs);
	}
	printf(_("  CPUs:        %zu\n"), b->n_cpus);
	for (size_t i = 0; i < b->n_cpus; i++) {
		printf("    %u  mpidr 0x%llx  %s\n", b->cpus[i].logical_id,
		       (unsigned long long)b->cpus[i].mpidr,
		       b->cpus[i].core_type ? b->cpus[i].core_type : "");
	}
	for (size_t i = 0; i < b->n_consoles; i++) {
		const struct board_console *c = &b->consoles[i];

		printf(_("  console:     %s at 0x%llx%s\n"), console_type_name(c->con.type),
		       (unsigned long long)c->con.address,
		       c->is_stdout ? _(" (Linux's console)") : "");
	}
}

static uint64_t cell_ram(const struct cell *c)
{
	uint64_t sum = 0;

	for (size_t i = 0; i < c->n_regions; i++) {
		if (!(c->regions[i].flags & (MEM_IO | MEM_COMM_REGION)))
			sum += c->regions[i].size;
	}
	return sum;
}

static void show_cells(struct project *p)
{
	const struct config *cfg = &p->config;

	printf(_("\nCells: %zu\n"), cfg->n_cells);
	for (size_t i = 0; i < cfg->n_cells; i++) {
		const struct cell *c = cfg->cells[i];
		char cpus[128], ram[32];
		size_t problems = cmd_cell_problems(p, c);

		format_cpu_list(c->cpus, cpus, sizeof(cpus));
		format_size_human(cell_ram(c), ram, sizeof(ram));
		printf(_("  %-24s %-5s CPUs %-8s RAM %-10s %3zu regions  %zu problems\n"), c->name,
		       c->root ? _("root") : (c->type == CELL_LINUX ? _("linux") : _("bare")),
		       cpus, ram, c->n_regions, problems);
	}
	if (cfg->sys.hypervisor.size) {
		char size[32];

		format_size_human(cfg->sys.hypervisor.size, size, sizeof(size));
		printf(_("  hypervisor memory: %s at 0x%llx\n"), size,
		       (unsigned long long)cfg->sys.hypervisor.phys);
	}
}

static int show_exec(int argc, char **argv)
{
	struct project p;
	struct advice adv;
	size_t errors, warnings;
	int ret;

	if (argc > 1)
		return cmd_usage_error(&cmd_show_entry, _("unexpected argument '%s'"), argv[1]);
	project_init(&p);
	ret = cmd_load_project(&p, true);
	if (ret == EXIT_OK) {
		show_board(&p.board);
		show_cells(&p);
		advice_compute(&p.board, &adv);
		advice_print(&adv, p.derived, stdout);
		advice_free(&adv);
		printf(_("\nDiagnostics: "));
		errors = cmd_problem_count(&p, SEV_ERROR);
		warnings = cmd_problem_count(&p, SEV_WARNING);
		printf(P_("%zu error", "%zu errors", errors), errors);
		printf(", ");
		printf(P_("%zu warning", "%zu warnings", warnings), warnings);
		printf(_(" (autojail check lists them)\n"));
	}
	project_free(&p);
	return ret;
}

const struct cmd_entry cmd_show_entry = {
	.name = "show",
	.args = "",
	.summary = N_("summarize the board and the cells"),
	.help = N_("Without a project in the directory, shows the bundled Jetson TX2 board."),
	.exec = show_exec,
};
