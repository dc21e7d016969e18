/**
 * The Open Referral UK view (HSDS 3.0, UK profile at OpenReferralUK/uk-profile commit
 * ecdfabf): pure functions from a Catalogue to HSDS objects. Notes on the mapping:
 *
 * - Services. Each helpline and reporting channel is a service of its organisation; each
 *   council's (or NI HSC Trust's) children's social care front door is a service of that
 *   council, with the council's area as its service area and the topics, audiences and
 *   "not for" of the local reporting channel. National services cover their nations.
 * - A council's contacts: its public ones are phones (and `email`) of its service, each
 *   phone describing its role (front door, out of hours, all hours) and linked to its team
 *   (`contacts`, by `contact_id`), with the other councils a shared team serves. The lines it
 *   gives professionals are a second service, "… lines for professionals", with the
 *   professionals audience only, listed only when that term is asked for (`taxonomy_term_id`):
 *   no list shows them to the public as the way to report, as no default route does. The
 *   council's report-a-concern page, when known, is the service's `url`.
 * - Ids are UUIDv5 of our own stable ids (ids.ts), so they are the same in every release.
 * - Optional fields with no value are left out, never null; empty lists too.
 * - Phones. The UK profile at that commit drops `phones` from services and `type` from
 *   phones, and `name`/`code` from languages. They are served as HSDS 3.0 core defines them
 *   (the profile lets feeds add properties that do not conflict with HSDS): a helpline
 *   without its number helps no one. Types: phone → voice, text → text, textphone and
 *   Relay UK numbers → textphone, a video relay with a number → video.
 * - Nations: a contact for some of its service's nations only (issue 17) says so in its phone's
 *   description, or beside its link; a channel's notes per nation are paragraphs of its
 *   description, and a council's description carries its own nation's note from the local
 *   reporting channel. HSDS cannot give one phone an area of its own.
 * - Only confirmed contacts are served: an unverified one has no HSDS flag to say "do not
 *   dial", so it is left out (the record's notes still say one exists).
 * - The first email is `email`; a web page (the record's own or a council's report page, else a
 *   website, chat or form contact, else a council's homepage, else GOV.UK's finder for it) is `url`; every other
 *   way in (web chat, forms, apps, 999 BSL) is named in the description with its link.
 * - `assured_date` is `verified_on`; a record past its review date is still served, with an
 *   `alert` saying so. `fees` is our cost sentence. Ages are served where the data states them.
 * - Schedules: one per weekly rule of each confirmed contact with confirmed hours (24 hours
 *   every day when always open); the description names the contact and gives the hours in
 *   words, bank holidays and dated exceptions included, which HSDS weekly schedules cannot
 *   hold. Times: HSDS wants a fixed UTC offset (`08:00+00:00`), but UK hours are wall-clock
 *   times that move with the clocks. So the times carry the offset in force at the moment of
 *   the answer, `valid_from`/`valid_to` bound the days that offset is right (from the last
 *   clock change to the day before the next), the notes say what the next offset will be,
 *   and the feed is rebuilt at each clock change (its answers expire then). A consumer that
 *   keeps a copy past `valid_to` has been told it is out of date, never silently an hour out.
 *   Midnight at the end of a day is `00:00`: a closing time at or before the opening time is
 *   the next day's.
 * - Topics and audiences are two taxonomies (taxonomies.ts), linked to services as
 *   `attributes` with `link_type` topic or audience.
 * - Every service has one virtual location (services are reached by phone or online), so
 *   /service_at_locations lists each service once. Note the profile's own quirk: its OpenAPI
 *   points /service_at_locations/{id} at compiled/service.json, which its own example fails;
 *   we validate that endpoint against compiled/service_at_location.json, the intended schema.
 */
export { buildHsdsFeed, hsdsFeedFor, type HsdsFeed, type HsdsOrganizationEntry } from './feed.js'
export { filterOrganizations, filterServices, localMinutes, placeOf, type HsdsPlace, type HsdsServiceFilters } from './filters.js'
export { hsdsId, HSDS_NAMESPACE } from './ids.js'
export { hsdsPage, type HsdsPageOf } from './page.js'
export type { HsdsServiceEntry } from './services.js'
export { VOCABULARY, termId } from './taxonomies.js'

/** The HSDS version and the profile these answers follow (GET /hsds/). */
export const HSDS_VERSION = '3.0'
export const HSDS_PROFILE_URL = 'https://github.com/OpenReferralUK/uk-profile/tree/ecdfabf78944d480d7f580d08b702b08cbec4b09'
