import { beforeEach } from 'vitest';

// Vitest prints only a test's last attempt: one that failed and then passed on its retry would leave no
// word of why it failed. Each failed attempt says so here, with its error.
beforeEach(({ onTestFailed }) => {
  onTestFailed(({ task }) => {
    const attempt = (task.result?.retryCount ?? 0) + 1;
    for (const error of task.result?.errors ?? []) console.error(`Attempt ${attempt} of "${task.name}" failed: ${error.stack ?? error.message}`);
  });
});
