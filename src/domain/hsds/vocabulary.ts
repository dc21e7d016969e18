import type { Audience, Topic } from '../../../schemas/helpline.js'

/** How a term of this API's own vocabulary reads in the HSDS view: the project's own words. */
export interface TermWords {
  name: string
  description: string
}

/** The topics of the `topic` filter. A new topic fails the build here until it has words. */
export const TOPIC_WORDS: Record<Topic, TermWords> = {
  'abuse-and-neglect': { name: 'Abuse and neglect', description: 'Worries that a child is being abused or neglected, or is at risk of harm.' },
  'sexual-abuse': { name: 'Sexual abuse', description: 'Sexual abuse of a child, online or offline.' },
  'online-safety': { name: 'Online safety', description: 'Keeping children safe online.' },
  'online-grooming': { name: 'Online grooming', description: 'Someone building a relationship with a child online in order to abuse or exploit them.' },
  'child-sexual-abuse-imagery': { name: 'Child sexual abuse images and videos', description: 'Sexual images or videos of children found online, to be reported and removed.' },
  'nude-image-sharing': { name: 'Nude image sharing', description: 'A nude or semi-nude image of a young person shared, or threatened to be shared.' },
  'emotional-support': { name: 'Emotional support', description: 'Someone to talk to about feelings and worries.' },
  'suicide-and-self-harm': { name: 'Suicide and self-harm', description: 'Support for someone thinking about suicide or harming themselves.' },
  'parenting-and-family': { name: 'Parenting and family', description: 'Advice for parents and carers about family life and a child\'s wellbeing.' },
  whistleblowing: { name: 'Whistleblowing', description: 'Professionals raising a concern about how child protection is handled in an organisation.' },
  'harmful-sexual-thoughts-or-behaviour': { name: 'Harmful sexual thoughts or behaviour', description: 'Help for people worried about their own or someone else\'s sexual thoughts or behaviour towards children.' },
  'non-recent-abuse': { name: 'Non-recent abuse', description: 'Abuse that happened in the past, including to adults who were abused as children.' },
  crime: { name: 'Crime', description: 'Reporting a crime, or information about one.' },
  emergency: { name: 'Emergency', description: 'A child in immediate danger: call 999.' },
  'advice-and-advocacy': { name: 'Advice and advocacy', description: 'Information, advice, and someone to speak up for a child or young person.' },
  'sexual-extortion': { name: 'Sexual extortion', description: 'Threats to share sexual images of someone unless they pay or send more.' }
}

/** The audiences of the `audience` filter (helplines) and of `who_can_report` (reporting channels). */
export const AUDIENCE_WORDS: Record<Audience, TermWords> = {
  children: { name: 'Children', description: 'Children, who can get in touch themselves.' },
  'young-people': { name: 'Young people', description: 'Teenagers and young people.' },
  'parents-and-carers': { name: 'Parents and carers', description: 'Parents, carers and families.' },
  'concerned-adults': { name: 'Adults worried about a child', description: 'Any adult worried about a child\'s safety or wellbeing.' },
  professionals: { name: 'Professionals', description: 'People who work with children.' },
  'adult-survivors': { name: 'Adults abused as children', description: 'Adults who were abused when they were children.' },
  'people-worried-about-their-own-thoughts': { name: 'People worried about their own thoughts', description: 'People worried about their own sexual thoughts or behaviour towards children.' },
  'deaf-or-speech-impaired': { name: 'Deaf or speech-impaired people', description: 'Deaf, hard of hearing or speech-impaired people.' },
  anyone: { name: 'Anyone', description: 'Open to anyone.' }
}

/** Names of language codes that Node's ICU does not name (ISO 639-3). */
export const EXTRA_LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  bfi: 'British Sign Language'
}
