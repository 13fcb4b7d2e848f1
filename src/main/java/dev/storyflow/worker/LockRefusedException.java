package dev.storyflow.worker;

/**
 * The engine refused to extend a step task's lock: the task is gone (ended, or its story ended) or
 * it is no longer locked by this worker (unlocked by an admin, or fetched by another worker after
 * the lock ran out). Unlike a failed request, this will not get better by asking again.
 */
class LockRefusedException extends RuntimeException {

  LockRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
