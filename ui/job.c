/*
 * Board actions in the editor: build, push, start, stop and status run in a
 * worker thread through the runner the CLI commands use
 * (src/board-action.h), so that the screen stays live while the board works. Each
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
#include "src/board-action.h"
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

/* Between steps: whether the user asked to stop. */
static bool cancelled(void *ctx)
{
	struct job *j = ctx;

	return atomic_load(&j->cancel);
}

static const enum board_action board_actions[] = {
	[JOB_BUILD] = BOARD_BUILD, [JOB_PUSH] = BOARD_PUSH, [JOB_START] = BOARD_START,
	[JOB_STOP] = BOARD_STOP, [JOB_STATUS] = BOARD_STATUS,
};

/* The action through the runner the CLI uses, over the link kept from the
 * last action; the board's state read afterwards goes to the main thread. */
static bool run(struct job *j, struct error *err)
{
	const struct board_progress pr = {
		.step = on_step, .file = on_file, .cancelled = cancelled, .ctx = j,
	};
	struct board_request r = { .action = board_actions[j->action], .read_state = true };
	struct link_options o = {
		.policy = HOSTKEY_ASK, .confirm_host = confirm_host, .prompt = prompt_password,
		.ctx = j,
	};
	struct board_outcome out;
	bool ok = board_action_run(j->p, &r, &o, &j->link, &pr, &out, err) == 0;

	if (out.have_state) {
		pthread_mutex_lock(&j->lock);
		if (j->have_state)
			remote_state_free(&j->state);
		j->state = out.state;
		j->have_state = true;
		out.have_state = false;
		pthread_mutex_unlock(&j->lock);
	}
	board_outcome_free(&out);
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
