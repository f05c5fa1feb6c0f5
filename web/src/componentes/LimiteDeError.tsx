import { Alert, Button } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
}

interface Estado {
  fallo: boolean;
}

/** Keeps a programming error in one page from blanking the whole app. */
export class LimiteDeError extends Component<Props, Estado> {
  override state: Estado = { fallo: false };

  static getDerivedStateFromError(): Estado {
    return { fallo: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Error al mostrar la página', error, info.componentStack);
  }

  override render() {
    if (!this.state.fallo) return this.props.children;
    return (
      <Alert
        type="error"
        showIcon
        title="Algo salió mal al mostrar esta página."
        description="Recarga la página. Si vuelve a pasar, avisa a Sistemas indicando qué estabas haciendo."
        action={
          <Button size="small" onClick={() => window.location.reload()}>
            Recargar
          </Button>
        }
      />
    );
  }
}
