/**
 * Catches a render crash in one view so the rest of the app (header, search,
 * navigation) keeps working, shows what went wrong in words, and offers a way
 * out. `resetKey` (the route) clears the error when the person navigates.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { flushAddress } from './router';

/** Reloads at the address of what the screen showed (a typed query's address may still be waiting: router.ts). */
function reloadHere(): void {
  flushAddress();
  location.reload();
}

interface Props {
  resetKey: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
  key: string;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('view crashed:', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div className="state state-error" role="alert">
        <h2 className="state-title">This view stopped working</h2>
        <p className="state-text">{this.state.error.message || 'An unexpected error occurred.'}</p>
        <p className="state-text">Your notes are safe. You can go back to the library or reload the window.</p>
        <div className="state-actions">
          <a className="button" href="#/library">
            Go to the library
          </a>
          <button type="button" className="button button-quiet" onClick={reloadHere}>
            Reload
          </button>
        </div>
      </div>
    );
  }
}
