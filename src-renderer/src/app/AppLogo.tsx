/**
 * The app mark in the header: the app icon (build/icon.svg: a news page with
 * one highlighted line, over a navy tile) drawn small enough to stay crisp
 * at 28 px. Brand colours, not theme colours, so it reads as the same app
 * in every theme.
 */
export function AppLogo({ size = 28 }: { size?: number }) {
  return (
    <svg className="app-logo" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <defs>
        <linearGradient id="app-logo-bg" x1="0" y1="0" x2="0" y2="1">
          <stop offset="0" stopColor="#2b4c7e" />
          <stop offset="1" stopColor="#142640" />
        </linearGradient>
      </defs>
      <rect x="1" y="1" width="30" height="30" rx="7.5" fill="url(#app-logo-bg)" />
      <rect x="8.6" y="5.6" width="14.8" height="20.8" rx="1.8" fill="#e3e9f2" transform="rotate(5 16 16)" />
      <rect x="8" y="5.2" width="15" height="21" rx="1.8" fill="#fffdf7" />
      <rect x="10.2" y="8" width="8.5" height="1.6" rx="0.8" fill="#1f3556" />
      <rect x="10.2" y="11.3" width="10.5" height="1" rx="0.5" fill="#9aa7b8" />
      <rect x="9.6" y="13.6" width="11.8" height="2.6" rx="0.8" fill="#ffd43b" />
      <rect x="10.2" y="17.9" width="10.5" height="1" rx="0.5" fill="#9aa7b8" />
      <rect x="10.2" y="20.4" width="7" height="1" rx="0.5" fill="#b9c3d0" />
    </svg>
  );
}
