import type { ThemeConfig } from 'antd';

/**
 * Sober institutional theme. Every text colour is checked against its background for
 * WCAG AA (≥ 4.5:1): antd's defaults for secondary text, placeholders, links and errors are
 * too light, so they are set here.
 */
export const COLOR_INSTITUCIONAL = '#0b4f6c'; // 8.9:1 on white
export const COLOR_ENCABEZADO = '#0b3142'; // white text 13.7:1

export const tema: ThemeConfig = {
  token: {
    colorPrimary: COLOR_INSTITUCIONAL,
    colorInfo: COLOR_INSTITUCIONAL,
    colorLink: COLOR_INSTITUCIONAL,
    colorSuccess: '#1e6b3a', // 6.5:1
    colorError: '#b42318', // 6.6:1
    colorWarning: '#a35200',
    // Light tints for alert backgrounds (antd would derive muddy ones from the dark seeds).
    colorSuccessBg: '#edf7f0',
    colorSuccessBorder: '#a9d5b5',
    colorWarningBg: '#fdf3e6',
    colorWarningBorder: '#eec48f',
    colorErrorBg: '#fdeceb',
    colorErrorBorder: '#f1b5ae',
    colorInfoBg: '#e8f1f5',
    colorInfoBorder: '#a9c9d8',
    colorTextSecondary: '#595959', // 7.0:1
    colorTextTertiary: '#616161',
    colorTextDescription: '#595959',
    colorTextPlaceholder: '#6b6b6b', // 5.3:1
    colorBgLayout: '#f3f5f7',
    borderRadius: 4,
    fontSize: 14,
    fontSizeHeading1: 26,
    fontSizeHeading2: 22,
    controlOutline: 'rgba(11, 79, 108, 0.35)',
    controlOutlineWidth: 3,
    fontFamily:
      "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: {
      headerBg: COLOR_ENCABEZADO,
      headerColor: '#ffffff',
      headerHeight: 56,
      headerPadding: '0 20px',
      siderBg: '#ffffff',
      bodyBg: '#f3f5f7',
    },
  },
};

/**
 * The theme for someone who asked their system for less motion (WCAG 2.3.3): antd's fades,
 * slides and zooms are turned off; notices still come and go, without animating.
 */
export function temaSegunMovimiento(menosMovimiento: boolean): ThemeConfig {
  return menosMovimiento ? { ...tema, token: { ...tema.token, motion: false } } : tema;
}
