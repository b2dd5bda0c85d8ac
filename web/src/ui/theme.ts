import type { ThemeConfig } from 'antd';

/** A restrained government-office look: antd defaults with a deep red primary colour. */
export const BRAND_RED = '#a8071a';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_RED,
    colorLink: BRAND_RED,
    borderRadius: 4,
    fontFamily: "'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', sans-serif",
  },
  components: {
    Layout: { headerBg: BRAND_RED, headerPadding: '0 24px', siderBg: '#ffffff' },
  },
};
