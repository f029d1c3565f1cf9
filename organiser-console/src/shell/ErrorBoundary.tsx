import { Component, type ReactNode } from 'react';
import { Result, Button } from 'antd';

/** A page that throws shows what happened and a way back, instead of a white screen. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    if (this.state.error) {
      return (
        <Result
          status="error"
          title="This page failed"
          subTitle={this.state.error.message}
          extra={<Button onClick={() => this.setState({ error: null })}>Try again</Button>}
        />
      );
    }
    return this.props.children;
  }
}
