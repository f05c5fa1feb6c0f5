import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Run from the repository root: `vite build --config web/vite.config.ts`.
// Paths are absolute so the config does not depend on the working directory.
const raizWeb = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig(({ command }) => {
  // A build is always the production UI, even when started from a process that has
  // NODE_ENV=test (vitest builds web/dist before the browser tests): otherwise React's
  // development build, twice the size, ends up in web/dist.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    root: raizWeb,
    plugins: [react()],
    build: {
      outDir: fileURLToPath(new URL('./dist', import.meta.url)),
      emptyOutDir: true,
      rolldownOptions: {
        output: {
          // React and the query/router libraries change rarely: their own cacheable chunk.
          // antd components used by one page only (Table, Modal… in Usuarios) stay in that
          // page's lazy chunk.
          codeSplitting: {
            groups: [
              {
                name: 'react',
                test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|@tanstack)[\\/]/,
              },
              {
                // antd code shared by the shell and lazy pages; the rest stays with its page.
                name: 'antd',
                test: /node_modules[\\/](antd|@ant-design|@rc-component|@emotion|dayjs|clsx)[\\/]/,
                minShareCount: 2,
                // Split by who loads it: the tables and date pickers that only the data pages
                // share stay out of what the login page and the frame download.
                entriesAware: true,
              },
            ],
          },
        },
      },
    },
    server: {
      proxy: {
        '/api': 'http://localhost:3000',
      },
    },
  };
});
