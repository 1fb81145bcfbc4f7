/**
 * A small bundled illustration per kind of facility (no photos to download): a hall
 * with a stage, a gym with a roof arch, a community centre, a court, a lodge in the
 * hills. Decorative: the facility's name is always next to it.
 */
import type { JSX } from 'preact';
import type { FacilityKind } from './tables.ts';

const PATHS: Record<FacilityKind, JSX.Element> = {
  hall: (
    <>
      <rect x="8" y="26" width="80" height="40" rx="3" fill="#dfe8f7" stroke="#264b8c" stroke-width="2" />
      <path d="M8 26 L48 8 L88 26 Z" fill="#264b8c" />
      <rect x="22" y="40" width="52" height="18" fill="#ffffff" stroke="#264b8c" stroke-width="2" />
      <path d="M22 40 q13 8 26 0 q13 8 26 0" fill="#c8102e" />
    </>
  ),
  gym: (
    <>
      <path d="M6 64 L6 34 Q48 0 90 34 L90 64 Z" fill="#e6f5ec" stroke="#1d7044" stroke-width="2" />
      <rect x="38" y="44" width="20" height="20" fill="#1d7044" />
      <circle cx="24" cy="44" r="6" fill="none" stroke="#1d7044" stroke-width="2" />
    </>
  ),
  community: (
    <>
      <rect x="12" y="30" width="72" height="36" fill="#fdf1e3" stroke="#8b4a00" stroke-width="2" />
      <path d="M6 32 L48 10 L90 32 Z" fill="#8b4a00" />
      <rect x="22" y="40" width="14" height="12" fill="#ffffff" stroke="#8b4a00" stroke-width="2" />
      <rect x="60" y="40" width="14" height="12" fill="#ffffff" stroke="#8b4a00" stroke-width="2" />
      <rect x="41" y="46" width="14" height="20" fill="#8b4a00" />
    </>
  ),
  sports: (
    <>
      <rect x="8" y="12" width="80" height="52" fill="#dff2e5" stroke="#1d7044" stroke-width="2" />
      <line x1="48" y1="12" x2="48" y2="64" stroke="#1d7044" stroke-width="3" />
      <rect x="20" y="22" width="56" height="32" fill="none" stroke="#ffffff" stroke-width="2" />
      <circle cx="66" cy="30" r="5" fill="#d8e021" stroke="#5b6000" />
    </>
  ),
  nature: (
    <>
      <path d="M4 64 L30 22 L50 50 L66 30 L92 64 Z" fill="#cfe7d6" stroke="#2f6b3f" stroke-width="2" />
      <rect x="40" y="46" width="24" height="18" fill="#fdf1e3" stroke="#8b4a00" stroke-width="2" />
      <path d="M36 48 L52 36 L68 48 Z" fill="#8b4a00" />
    </>
  ),
};

export function FacilityIllustration(props: { kind: FacilityKind }) {
  return (
    <svg class="fac-illustration" viewBox="0 0 96 72" aria-hidden="true" focusable="false">
      {PATHS[props.kind]}
    </svg>
  );
}
