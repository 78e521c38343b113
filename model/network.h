/*
 * The virtual network switch (cells.yml "network"): a Linux bridge in the
 * root cell joins the root cell's physical interface (the uplink) and one
 * virtual-ethernet shared-memory link (ivshmem-net) per member cell, so
 * that cells reach each other and, through the one physical interface, the
 * outside world.
 *
 * The model part: checking the section, choosing addresses, and turning the
 * switch into ordinary links (struct link_spec, protocol VETH) that
 * derivation lays out per config revision like any other link. Derivation
 * calls network_derive_config when a spec has a network; emit/net-script.h
 * writes the bridge script and the guests' settings from the plan.
 */
#ifndef AJ_MODEL_NETWORK_H
#define AJ_MODEL_NETWORK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/board.h"
#include "model/cell.h"
#include "model/derive.h"
#include "model/project.h"
#include "model/spec.h"

/* Revision 14 veth: 4 KiB state, an empty read/write section and one
 * output section per peer at +0x1000 and +0x80000. */
#define NETWORK_V14_OUTPUT 0x7f000ull
/* Revision 9 (ivshmem v1): the one region both peers share. */
#define NETWORK_V9_SIZE 0x100000ull
/* Longest "ffff:...:ffff/128" plus NUL. */
#define NETWORK_ADDR_LEN 48

/* An IPv4 or IPv6 address with its prefix length; IPv4 uses bytes 0-3. */
struct net_addr {
	int family;              /* 4 or 6 */
	uint8_t bytes[16];
	unsigned prefix_len;
};

/* Parses "10.0.0.2/24", "fd00::2/64" or, when allow_bare, an address
 * without "/len" (prefix_len is then the full width). */
bool net_addr_parse(const char *text, bool allow_bare, struct net_addr *a);
/* "10.0.0.2/24" (with_len) or "10.0.0.2" into buf of NETWORK_ADDR_LEN bytes. */
const char *net_addr_format(const struct net_addr *a, bool with_len, char *buf);
/* Whether a lies in the network p (p's prefix length counts). */
bool net_addr_in(const struct net_addr *a, const struct net_addr *p);
bool net_addr_equal(const struct net_addr *a, const struct net_addr *b);
/* Whether a host may take a: inside p, and not p's network (IPv4, IPv6)
 * or broadcast (IPv4) address. */
bool net_addr_usable(const struct net_addr *a, const struct net_addr *p);
/* The lowest usable address of p not in used, starting at p's host bits
 * when they are set ("10.0.0.100/24" starts at .100); false when p is full. */
bool net_addr_pick(const struct net_addr *p, const struct net_addr *used, size_t n_used,
		   struct net_addr *out);
/* The dotted netmask of an IPv4 prefix length, e.g. "255.255.255.0". */
const char *net_netmask(unsigned prefix_len, char *buf);

/* One end of the switch: the bridge (the root cell) or a member cell. */
struct net_host {
	char *cell;
	bool has_ipv4, has_ipv6;
	struct net_addr ipv4, ipv6;
	bool ipv4_auto, ipv6_auto;  /* chosen from the prefix */
	bool ipv4_moved;            /* bridge: the uplink's address, moved to the bridge */
	char *link;                 /* the link's name ("<bridge>-<cell>"), NULL for the bridge */
};

/* Addresses for everybody on the switch; deterministic for a board and spec. */
struct net_plan {
	char *bridge;
	char *uplink;
	struct net_host root;
	struct net_host *members;   /* in the order of spec.network.members */
	size_t n_members;
};

/* The root cell's name as derivation will call it. */
const char *network_root_name(const struct spec *s, const struct config *c);
/* The name of the link for a member cell: "<bridge>-<cell>". */
char *network_link_name(const struct network_spec *n, const char *cell);

/*
 * Checks the network section against the board and spec and chooses the
 * addresses. Problems go into rep as messages of topic DT_NETWORK (errors
 * and warnings); rep may be NULL. Returns 0, or -1 when there is an error.
 * plan is filled as far as possible either way; free it with net_plan_free.
 */
int network_plan(const struct board *b, const struct spec *s, const char *root_name,
		 struct net_plan *plan, struct derive_report *rep);
void net_plan_free(struct net_plan *plan);

/*
 * Appends to out (with spec_add_link) one VETH link {root, member} per
 * member that is a Linux guest of s, sized for abi; network_plan reports
 * the others. Automatic bdf and placement, like any link without overrides.
 */
void network_add_links(const struct spec *s, const char *root_name, enum abi abi,
		       struct spec *out);

/* network_in_use and network_derive_config, derive_config's part for the switch, is declared
 * in model/derive.h so that derive.c needs no more than its call. */

/* The root cell's ivshmem device of a member's link after derivation, or NULL. */
const struct cell_pci *network_member_pci(const struct config *c, const struct spec *s,
					  const char *cell);

/*
 * Spec edits for front ends (TUI drag onto the switch, CLI). Refused with
 * a translated reason in why (OP_WHY_LEN bytes) when they can never be
 * valid: an unknown guest, a cell already on the switch, no switch yet.
 * ipv4/ipv6 may be NULL for automatic addresses.
 */
int network_member_add(struct spec *s, const char *cell, const char *ipv4, const char *ipv6,
		       char *why);
int network_member_remove(struct spec *s, const char *cell, char *why);

/*
 * The same on a project: op_network_join and op_network_leave of
 * model/ops.h (the spec edit, derivation, a full validation, the generation
 * counted, and one undo step).
 */
int network_join(struct project *p, const char *cell, const char *ipv4, const char *ipv6,
		 char *why);
int network_leave(struct project *p, const char *cell, char *why);

#endif
