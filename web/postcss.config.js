/** Mantine's PostCSS preset (rem(), light-dark(), breakpoints as variables). */
import mantine from 'postcss-preset-mantine';

export default { plugins: [mantine()] };
