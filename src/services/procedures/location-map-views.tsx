/**
 * 場所 (`location`) answers: the question with its map picker, and the answer shown
 * back with a link to the place on a map.
 *
 * The question works without JavaScript: two boxes, latitude and longitude, that take
 * decimals and full-width digits (the engine reads them through NFKC). With JavaScript,
 * assets/location-picker.js reads the data attributes below and adds a Leaflet map above
 * the boxes (tap to place a draggable marker, 「現在地を使う」, typing moves the marker);
 * the boxes stay what the form sends.
 */
import { LOCATION_BOUNDS, type Answers, type Field } from '../../engines/forms/index.ts';
import { TextInput } from '../../platform/ui/components/form-fields.tsx';
import { LEAFLET_CSS, LEAFLET_JS } from '../../platform/ui/leaflet-assets.ts';
import type { ViewContext } from '../../platform/ui/view-context.ts';

export const LOCATION_PICKER_JS = '/assets/procedures/location-picker.js';
/** The scripts a page with a location question loads (progressive enhancement only). */
export const LOCATION_SCRIPTS = [LEAFLET_JS, LOCATION_PICKER_JS];

/** Where the map opens when nothing is chosen yet: 水沢 (the city office). */
export const OSHU_CENTRE = { lat: 39.1445, lng: 141.1391 } as const;

/** The tile server a page's map uses; url null = no tiles (MAP_TILE_URL=none). */
export interface MapTiles {
  url: string | null;
  attribution: string;
}


export function LocationInput(props: { ctx: ViewContext; name: string; label: string; hint?: string; required: boolean; values: { lat: string; lng: string }; errors: { lat: string | null; lng: string | null }; tiles: MapTiles }) {
  const { ctx, name } = props;
  const t = ctx.t;
  const b = LOCATION_BOUNDS;
  return (
    <div
      class="field location-picker"
      data-location-picker
      data-lat={`${name}.lat`}
      data-lng={`${name}.lng`}
      data-centre={`${OSHU_CENTRE.lat},${OSHU_CENTRE.lng}`}
      data-bounds={`${b.south},${b.west},${b.north},${b.east}`}
      data-css={LEAFLET_CSS}
      data-tile-url={props.tiles.url ?? undefined}
      data-tile-attribution={props.tiles.url ? props.tiles.attribution : undefined}
      data-map-label={t('procedures.location.map.label', { label: props.label })}
      data-marker-label={t('procedures.location.marker', { label: props.label })}
      data-zoom-in={t('procedures.location.zoomIn')}
      data-zoom-out={t('procedures.location.zoomOut')}
      data-msg-picked={t('procedures.location.picked')}
      data-msg-here={t('procedures.location.here.found')}
      data-msg-busy={t('procedures.location.here.busy')}
      data-msg-denied={t('procedures.location.here.denied')}
      data-msg-failed={t('procedures.location.here.failed')}
      data-msg-outside={t('procedures.location.outside')}
      data-msg-no-tiles={t('procedures.location.noTiles')}
    >
      <fieldset class="fieldset" id={name} tabIndex={-1}>
        <legend class="field-label">
          {props.label}
          {props.required ? <span class="required-tag">{t('procedures.field.required')}</span> : null}
        </legend>
        {props.hint ? <p class="field-hint">{props.hint}</p> : null}
        {/* Shown by the script: how to use the map, the map itself and what happened. */}
        <p class="field-hint" data-location-how hidden>
          {t('procedures.location.how')}
        </p>
        <div data-location-map role="region" aria-label={t('procedures.location.map.label', { label: props.label })} hidden />
        <p class="field-hint" data-location-status role="status" aria-live="polite" hidden />
        <p>
          <button type="button" class="btn btn-secondary" data-location-here hidden>
            {t('procedures.location.here')}
          </button>
        </p>
        <TextInput name={`${name}.lat`} label={t('procedures.field.location.lat')} hint={t('procedures.field.location.lat.hint')} value={props.values.lat} error={props.errors.lat} inputmode="decimal" autocomplete="off" width="medium" maxLength={30} />
        <TextInput name={`${name}.lng`} label={t('procedures.field.location.lng')} hint={t('procedures.field.location.lng.hint')} value={props.values.lng} error={props.errors.lng} inputmode="decimal" autocomplete="off" width="medium" maxLength={30} />
      </fieldset>
    </div>
  );
}

/** Whether a page's fields (or their group sub-fields) ask for a place: the page then loads the picker. */
export function asksForLocation(fields: Field[]): boolean {
  return fields.some((f) => f.type === 'location' || (f.type === 'group' && f.fields.some((s) => s.type === 'location')));
}

export interface LatLng {
  lat: number;
  lng: number;
}

/** A place on the GSI map (地理院地図), zoomed to street level. */
export function mapLink(at: LatLng): string {
  return `https://maps.gsi.go.jp/#17/${at.lat}/${at.lng}/`;
}

/**
 * The location answers behind a summary's rows, by the row's field id (`site.lat`, as
 * summarise() names a location row), so a view can add a map link to exactly those rows.
 */
export function locationsOf(sections: { rows: { fieldId: string }[] }[], answers: Answers): Map<string, LatLng> {
  const found = new Map<string, LatLng>();
  for (const row of sections.flatMap((s) => s.rows)) {
    if (!row.fieldId.endsWith('.lat')) continue;
    const value = answers[row.fieldId.slice(0, -'.lat'.length)] as { lat?: unknown; lng?: unknown } | undefined;
    if (value && typeof value.lat === 'number' && typeof value.lng === 'number') found.set(row.fieldId, { lat: value.lat, lng: value.lng });
  }
  return found;
}

/** A summary row's answer: its text, and for a place a link that opens it on a map. */
export function AnswerText(props: { ctx: ViewContext; display: string; at?: LatLng | undefined }) {
  const lines = props.display.split('\n').map((line, i) => (i === 0 ? line : [<br />, line]));
  if (!props.at) return <>{lines}</>;
  return (
    <>
      {lines}
      <br />
      <a href={mapLink(props.at)} target="_blank" rel="noopener noreferrer">
        {props.ctx.t('procedures.location.openMap')}
      </a>
    </>
  );
}
