/*
 * Board actions in the editor: build, push, start, stop and status run in a
 * worker thread through the library the CLI uses (src/deploy.h,
 * src/remote.h), so that the screen stays live while the board works. Each
 * step reaches the progress pane as it is taken; the link's questions (an
 * unknown host's fingerprint, a password) come to the main thread as
 * dialogs and their answers go back; Esc cancels.
 *
 * What cancel does: the action stops at the next step boundary. The step
 * under way (building, the upload, the board-side start script, stopping
 * the cells) finishes, and nothing after it is begun. The start script runs
 * on the board as one command that undoes its own steps only when one of
 * them fails, so a cancel never leaves a half-started cell: the cells it
 * started keep running, and the board state read afterwards shows them. A
 * question open when Esc comes is answered "no".
 *
 * The worker reads the project and never changes it; the editor takes no
 * edits while an action runs. Curses is only ever called by the main thread.
 */
#include "config.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "po/i18n.h"
#include "model/util.h"
#include "src/board-opts.h"
#include "src/deploy.h"
#include "src/remote.h"
#include "ui/ui.h"

struct job {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t cond;     /* the worker posted something, or got an answer */
	enum job_action action;
	struct project *p;
	struct link *link;       /* kept open between actions; worker's only */
	atomic_bool cancel;
	/* Under lock: */
	char **lines;            /* steps not yet taken by the main thread */
	size_t n_lines, cap_lines;
	bool done;
	bool failed;
	char error[ERROR_LEN];   /* why it failed */
	enum job_question question;
	char question_host[256], question_text[512];
	bool question_echo;
	bool answered;
	bool accept;             /* a host question's answer */
	char *answer;            /* a password, handed on to the link */
	bool have_state;
	struct remote_state state;
};

static const char *const action_names[] = {
	[JOB_BUILD] = N_("build"), [JOB_PUSH] = N_("push"), [JOB_START] = N_("start"),
	[JOB_STOP] = N_("stop"), [JOB_STATUS] = N_("status"),
};

const char *job_action_name(enum job_action a)
{
	return _(action_names[a]);
}

static void say(struct job *j, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void say(struct job *j, const char *fmt, ...)
{
	va_list ap;
	char *line;

	va_start(ap, fmt);
	if (vasprintf(&line, fmt, ap) < 0)
		line = NULL;
	va_end(ap);
	if (!line)
		return;
	pthread_mutex_lock(&j->lock);
	ARRAY_PUSH(j->lines, j->n_lines, j->cap_lines, line);
	pthread_cond_broadcast(&j->cond);
	pthread_mutex_unlock(&j->lock);
}

static void on_step(void *ctx, const char *what)
{
	say(ctx, "%s", what);
}

static void on_file(void *ctx, const char *remote, size_t i, size_t n)
{
	say(ctx, _("[%zu/%zu] %s"), i + 1, n, remote);
}

/* Puts a question to the main thread and waits for its answer; false
 * when the action was cancelled instead. */
static bool ask(struct job *j, enum job_question q, const char *host, const char *text,
		bool echo)
{
	bool answered;

	pthread_mutex_lock(&j->lock);
	j->question = q;
	snprintf(j->question_host, sizeof(j->question_host), "%s", host);
	snprintf(j->question_text, sizeof(j->question_text), "%s", text);
	j->question_echo = echo;
	j->answered = false;
	pthread_cond_broadcast(&j->cond);
	while (!j->answered && !atomic_load(&j->cancel))
		pthread_cond_wait(&j->cond, &j->lock);
	answered = j->answered;
	j->question = JQ_NONE;
	pthread_mutex_unlock(&j->lock);
	return answered;
}

static bool confirm_host(void *ctx, const char *host, const char *fingerprint)
{
	struct job *j = ctx;
	bool yes = false;

	if (ask(j, JQ_HOST, host, fingerprint, true)) {
		pthread_mutex_lock(&j->lock);
		yes = j->accept;
		pthread_mutex_unlock(&j->lock);
	}
	say(j, yes ? _("trusting %s from now on") : _("refused the unknown host %s"), host);
	return yes;
}

/* The answer goes to the link, which forgets it once used. */
static char *prompt_password(void *ctx, const char *question, bool echo)
{
	struct job *j = ctx;
	char *answer = NULL;

	if (ask(j, JQ_PASSWORD, "", question, echo)) {
		pthread_mutex_lock(&j->lock);
		answer = j->answer;
		j->answer = NULL;
		pthread_mutex_unlock(&j->lock);
	}
	return answer;
}

static bool connect_board(struct job *j, struct error *err)
{
	struct link_options o;

	if (j->link) {
		/* The link kept from the last action may have died meanwhile (the
		 * board rebooted, a network hiccup): one cheap command tells. */
		struct link_output out;
		struct error probe;
		bool alive;

		error_clear(&probe);
		alive = link_run(j->link, "true", NULL, 0, &out, &probe) == 0 && out.status == 0;
		link_output_free(&out);
		if (alive)
			return true;
		say(j, "%s", _("the connection was lost; connecting again"));
		link_close(j->link);
		j->link = NULL;
	}
	if (!j->p->settings.board_url) {
		error_set(err, "%s", _("the project names no board; set one with "
				       "'autojail init --force --board ssh://USER@HOST'"));
		return false;
	}
	memset(&o, 0, sizeof(o));
	o.policy = HOSTKEY_ASK;
	o.confirm_host = confirm_host;
	o.prompt = prompt_password;
	o.ctx = j;
	say(j, _("connecting to %s"), j->p->settings.board_url);
	j->link = link_open(j->p->settings.board_url, &o, err);
	return j->link != NULL;
}

/* The virtual switch joins the cells' interfaces once they exist, as
 * autojail start does. */
static int bridge_up(struct job *j, const struct deploy *d, struct error *err)
{
	char *path = deploy_remote_path(board_remote_dir(j->p), d->net_up);
	int ret;

	say(j, "%s", _("connecting the cells to the virtual switch"));
	ret = remote_run_script(j->link, path, false, err);
	free(path);
	return ret;
}

static void read_state(struct job *j, struct error *err)
{
	struct remote_state st;

	say(j, "%s", _("reading the board's state"));
	if (remote_status(j->link, &st, err) < 0)
		return;
	pthread_mutex_lock(&j->lock);
	if (j->have_state)
		remote_state_free(&j->state);
	j->state = st;
	j->have_state = true;
	pthread_mutex_unlock(&j->lock);
}

/* Between steps: whether the user asked to stop. */
static bool cancelled(struct job *j)
{
	return atomic_load(&j->cancel);
}

static int start_cells(struct job *j, const struct deploy *d, struct error *err)
{
	const char *dir = board_remote_dir(j->p);
	size_t n = 0;
	struct remote_cell *rc = deploy_remote(d, dir, NULL, 0, &n, err);
	char *sys = deploy_remote_path(dir, d->system_file);
	int ret = -1;

	if (rc && remote_start(j->link, sys, rc, n, on_step, j, err) == 0)
		ret = d->net_up && !cancelled(j) ? bridge_up(j, d, err) : 0;
	free(sys);
	deploy_remote_free(rc, n);
	return ret;
}

static bool run(struct job *j, struct error *err)
{
	struct deploy d = { 0 };
	size_t sent = 0, total = 0;
	bool ok = false;

	if (j->action <= JOB_START) {
		say(j, _("building into %s/build"), j->p->dir);
		if (deploy_build(j->p, false, &d, err) < 0)
			goto out;
		say(j, P_("built %zu guest cell and the root cell",
			   "built %zu guest cells and the root cell", d.n_cells), d.n_cells);
		if (j->action == JOB_BUILD) {
			ok = true;
			goto out;
		}
	}
	if (cancelled(j) || !connect_board(j, err) || cancelled(j))
		goto out;
	if (j->action == JOB_PUSH || j->action == JOB_START) {
		say(j, _("pushing to %s"), board_remote_dir(j->p));
		if (deploy_push_with(j->link, &d, board_remote_dir(j->p), on_file, j, &sent, &total,
				     err) < 0)
			goto out;
		say(j, _("pushed %zu of %zu files (the others were up to date)"), sent, total);
		if (cancelled(j))
			goto out;
	}
	if (j->action == JOB_START && start_cells(j, &d, err) < 0)
		goto state;
	if (j->action == JOB_STOP &&
	    remote_stop(j->link, NULL, 0, false, on_step, j, err) < 0)
		goto state;
	ok = true;
state:
	/* After a failure too: what the board runs now is what matters. */
	{
		struct error serr;

		error_clear(&serr);
		read_state(j, ok ? err : &serr);
		ok = ok && !err->set;
	}
out:
	deploy_free(&d);
	return ok;
}

static void *worker(void *arg)
{
	struct job *j = arg;
	struct error err;
	bool ok;

	error_clear(&err);
	ok = run(j, &err);
	if (!ok && err.set)
		say(j, _("failed: %s"), err.text);
	if (cancelled(j))
		say(j, "%s", _("cancelled: the step under way ended, no further one was begun"));
	else if (ok)
		say(j, "%s", _("done"));
	/* A link that failed is of no use for the next action. */
	if (!ok && j->link && err.set) {
		link_close(j->link);
		j->link = NULL;
	}
	pthread_mutex_lock(&j->lock);
	/* What fails after a cancel (a question answered no) is its doing. */
	j->failed = !ok && err.set && !cancelled(j);
	snprintf(j->error, sizeof(j->error), "%s", err.set ? err.text : "");
	j->done = true;
	pthread_cond_broadcast(&j->cond);
	pthread_mutex_unlock(&j->lock);
	return NULL;
}

static void lines_free(char **lines, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

bool job_running(const struct tui *t)
{
	return t->progress.running;
}

int job_begin(struct tui *t, enum job_action action)
{
	struct progress *pr = &t->progress;
	struct job *j = t->job;
	int rc;

	if (pr->running) {
		tui_message(t, SEV_WARNING, "%s", _("An action is running: Esc cancels it."));
		return -1;
	}
	if (!j) {
		j = t->job = xcalloc(1, sizeof(*j));
		pthread_mutex_init(&j->lock, NULL);
		pthread_cond_init(&j->cond, NULL);
		j->p = t->p;
	}
	j->action = action;
	j->done = j->failed = false;
	j->question = JQ_NONE;
	atomic_store(&j->cancel, false);
	lines_free(pr->steps, pr->n);
	pr->steps = NULL;
	pr->n = pr->cap = 0;
	pr->action = action;
	pr->failed = false;
	/* pthread_create() returns its error; errno may hold an unrelated one. */
	rc = pthread_create(&j->thread, NULL, worker, j);
	if (rc) {
		tui_message(t, SEV_ERROR, _("Cannot run %s: %s"), job_action_name(action),
			    strerror(rc));
		return -1;
	}
	pr->running = true;
	pr->cancelling = false;
	pr->follow = true;
	if (!pr->shown) {
		pr->shown = true;
		layout_apply(t);
	}
	t->views[VIEW_BOARD].dirty = true;
	tui_message(t, -1, _("%s: Esc cancels."), job_action_name(action));
	return 0;
}

/* Opens the dialog for a question the worker waits on. */
static void question_open(struct tui *t, struct job *j)
{
	struct prompt *p = &t->prompt;

	if (j->question == JQ_HOST) {
		prompt_open(t, PROMPT_HOST, _("Unknown host. Trust it? (y)es, (n)o:"), NULL);
		snprintf(p->host, sizeof(p->host), "%s", j->question_host);
		snprintf(p->fingerprint, sizeof(p->fingerprint), "%s", j->question_text);
	} else {
		prompt_open(t, PROMPT_PASSWORD, j->question_text, NULL);
		p->echo = j->question_echo;
	}
}

bool job_poll(struct tui *t)
{
	struct job *j = t->job;
	struct progress *pr = &t->progress;
	bool changed = false, done;
	char error[ERROR_LEN];

	if (!j || !pr->running)
		return false;
	pthread_mutex_lock(&j->lock);
	for (size_t i = 0; i < j->n_lines; i++)
		ARRAY_PUSH(pr->steps, pr->n, pr->cap, j->lines[i]);
	changed = j->n_lines > 0;
	j->n_lines = 0;
	if (j->have_state) {
		if (t->board_known)
			remote_state_free(&t->board);
		t->board = j->state;
		t->board_known = true;
		j->have_state = false;
		changed = true;
		t->views[VIEW_CELLS].dirty = true;   /* its marks of what runs */
	}
	if (j->question != JQ_NONE && !j->answered && !atomic_load(&j->cancel) &&
	    t->mode != MODE_PROMPT) {
		question_open(t, j);
		changed = true;
	}
	done = j->done;
	pr->failed = j->failed;
	snprintf(error, sizeof(error), "%s", j->error);
	pthread_mutex_unlock(&j->lock);
	if (done) {
		pthread_join(j->thread, NULL);
		pr->running = false;
		changed = true;
		if (pr->failed)
			tui_message(t, SEV_ERROR, _("%s failed: %s"), job_action_name(pr->action),
				    error[0] ? error : _("the board pane says why"));
		else if (pr->cancelling)
			tui_message(t, SEV_WARNING, _("%s cancelled."), job_action_name(pr->action));
		else
			tui_message(t, -1, _("%s done (Esc closes the board pane)."),
				    job_action_name(pr->action));
	}
	if (changed)
		t->views[VIEW_BOARD].dirty = true;
	return changed;
}

/* A password nobody took is wiped before its memory goes back. */
static void forget(char *secret)
{
	if (secret) {
		explicit_bzero(secret, strlen(secret));
		free(secret);
	}
}

static void answer(struct job *j, bool accept, char *password)
{
	pthread_mutex_lock(&j->lock);
	j->accept = accept;
	forget(j->answer);
	j->answer = password;
	j->answered = true;
	pthread_cond_broadcast(&j->cond);
	pthread_mutex_unlock(&j->lock);
}

void job_answer(struct tui *t, bool accept, const char *password)
{
	if (t->job && t->progress.running)
		answer(t->job, accept, password ? xstrdup(password) : NULL);
}

void job_cancel(struct tui *t)
{
	struct job *j = t->job;

	if (!j || !t->progress.running)
		return;
	t->progress.cancelling = true;
	tui_message(t, SEV_WARNING, "%s",
		    _("Cancelling: the action stops when the step under way ends."));
	if (t->mode == MODE_PROMPT &&
	    (t->prompt.kind == PROMPT_HOST || t->prompt.kind == PROMPT_PASSWORD)) {
		explicit_bzero(t->prompt.text, sizeof(t->prompt.text));
		t->prompt.len = t->prompt.pos = 0;
		t->mode = MODE_NORMAL;
		tui_dirty_all(t);
	}
	/* Under the lock, so that a question being put sees it. */
	pthread_mutex_lock(&j->lock);
	atomic_store(&j->cancel, true);
	pthread_cond_broadcast(&j->cond);
	pthread_mutex_unlock(&j->lock);
}

/* Script mode: waits until the action is done or asks a question, so that
 * what the script expects next does not depend on timing. */
void job_settle(struct tui *t)
{
	struct job *j = t->job;

	while (j && t->progress.running && t->mode != MODE_PROMPT) {
		struct timespec until;

		if (job_poll(t))
			continue;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_nsec += 50 * 1000 * 1000;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		pthread_mutex_lock(&j->lock);
		if (!j->n_lines && !j->done && !j->have_state &&
		    (j->question == JQ_NONE || j->answered))
			pthread_cond_timedwait(&j->cond, &j->lock, &until);
		pthread_mutex_unlock(&j->lock);
	}
}

void job_close_pane(struct tui *t)
{
	if (t->progress.running || !t->progress.shown)
		return;
	t->progress.shown = false;
	if (t->focus == VIEW_BOARD)
		t->focus = VIEW_CELLS;
	layout_apply(t);
	tui_dirty_all(t);
}

void job_free(struct tui *t)
{
	struct job *j = t->job;

	if (j) {
		if (t->progress.running) {
			job_cancel(t);
			pthread_join(j->thread, NULL);
			t->progress.running = false;
		}
		link_close(j->link);
		lines_free(j->lines, j->n_lines);
		forget(j->answer);
		if (j->have_state)
			remote_state_free(&j->state);
		pthread_mutex_destroy(&j->lock);
		pthread_cond_destroy(&j->cond);
		free(j);
		t->job = NULL;
	}
	lines_free(t->progress.steps, t->progress.n);
	if (t->board_known)
		remote_state_free(&t->board);
}
