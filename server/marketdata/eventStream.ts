import { Observable, type Subscriber } from 'rxjs';

/**
 * A multicast Observable, as a Subject's asObservable() gives, but next()
 * makes nothing: rxjs 7's Subject.next wraps each value in a closure
 * (errorContext) and walks its observers with an iterator, ~200 bytes a value.
 * The market data's quotes and the internal venue's events go out through it
 * (several of each per order). Subscribers added
 * while a value is delivered hear from the next value on; after complete() a
 * new subscriber is completed at once and next() does nothing, as a Subject.
 */
export class EventStream<T> {
  private subscribers: readonly Subscriber<T>[] = [];
  private done = false;

  readonly observable: Observable<T> = new Observable<T>((subscriber) => {
    if (this.done) {
      subscriber.complete();
      return undefined;
    }
    // Copied on change, so a delivery in progress keeps the list it started with.
    this.subscribers = [...this.subscribers, subscriber];
    return () => {
      this.subscribers = this.subscribers.filter((s) => s !== subscriber);
    };
  });

  next(value: T): void {
    const subscribers = this.subscribers;
    for (let i = 0; i < subscribers.length; i++) subscribers[i]!.next(value);
  }

  complete(): void {
    if (this.done) return;
    this.done = true;
    const subscribers = this.subscribers;
    this.subscribers = [];
    for (let i = 0; i < subscribers.length; i++) subscribers[i]!.complete();
  }
}
