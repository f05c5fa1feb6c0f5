/**
 * Saves bytes the page received (a PDF answered to a POST) as a download: a plain link cannot
 * POST, so the answer becomes a temporary object URL clicked once and then released.
 */
export function descargarArchivo(datos: Blob, nombre: string): void {
  const url = URL.createObjectURL(datos);
  const enlace = document.createElement('a');
  enlace.href = url;
  enlace.download = nombre;
  enlace.style.display = 'none';
  document.body.append(enlace);
  enlace.click();
  enlace.remove();
  // Released after the browser has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
