// Moved to ../shared/people.ts: the synthetic people are vendor-neutral (every simulator draws
// the same people from a seed). This re-export keeps imports of the old path working for one
// release while other folders move over; new code imports the shared module.

export {
  PEOPLE_EMAIL_DOMAIN,
  syntheticPeople,
  type ActivityLevel,
  type SyntheticPerson,
} from '../shared/people.js'
