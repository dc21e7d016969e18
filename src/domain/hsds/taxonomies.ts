import type { HsdsTaxonomy, HsdsTaxonomyTerm } from '../../../schemas/hsds/taxonomy.js'
import { AUDIENCES, TOPICS, type Audience, type Topic } from '../../../schemas/helpline.js'
import { hsdsId } from './ids.js'
import { AUDIENCE_WORDS, TOPIC_WORDS, type TermWords } from './vocabulary.js'

export type TaxonomyKind = 'topic' | 'audience'

interface TaxonomyDefinition {
  kind: TaxonomyKind
  name: string
  description: string
  terms: ReadonlyArray<[string, TermWords]>
}

const DEFINITIONS: readonly TaxonomyDefinition[] = [
  {
    kind: 'topic',
    name: 'Safeguarding API topics',
    description: 'What a service helps with: the values of the Safeguarding API\'s `topic` filter.',
    terms: TOPICS.map((t) => [t, TOPIC_WORDS[t]])
  },
  {
    kind: 'audience',
    name: 'Safeguarding API audiences',
    description: 'Who a helpline is for, or who can report to a reporting channel: the values of the Safeguarding API\'s `audience` filter.',
    terms: AUDIENCES.map((a) => [a, AUDIENCE_WORDS[a]])
  }
]

/** The id of a term of this API's vocabulary. */
export function termId (kind: TaxonomyKind, slug: string): string {
  return hsdsId('taxonomy_term', kind, slug)
}

export interface Vocabulary {
  /** The taxonomies without their terms (as the list shows them) … */
  taxonomies: HsdsTaxonomy[]
  /** … and each with all its terms (as the item shows it). */
  taxonomyById: ReadonlyMap<string, HsdsTaxonomy>
  terms: HsdsTaxonomyTerm[]
  termById: ReadonlyMap<string, HsdsTaxonomyTerm>
  /** A term by its kind and our slug. */
  term: (kind: TaxonomyKind, slug: Topic | Audience) => HsdsTaxonomyTerm
}

/** The API's topics and audiences as two HSDS taxonomies. They follow the schemas, not a release. */
function buildVocabulary (): Vocabulary {
  const taxonomies: HsdsTaxonomy[] = []
  const taxonomyById = new Map<string, HsdsTaxonomy>()
  const terms: HsdsTaxonomyTerm[] = []
  for (const def of DEFINITIONS) {
    const taxonomyId = hsdsId('taxonomy', def.kind)
    const own = def.terms.map(([slug, words]) => ({
      id: termId(def.kind, slug),
      name: words.name,
      description: words.description,
      taxonomy_id: taxonomyId,
      taxonomy: def.name,
      term: words.name
    }))
    const taxonomy = { id: taxonomyId, name: def.name, description: def.description }
    taxonomies.push(taxonomy)
    taxonomyById.set(taxonomyId, { ...taxonomy, taxonomy_terms: own })
    terms.push(...own)
  }
  const termById = new Map(terms.map((t) => [t.id, t]))
  return {
    taxonomies,
    taxonomyById,
    terms,
    termById,
    term: (kind, slug) => termById.get(termId(kind, slug)) as HsdsTaxonomyTerm
  }
}

export const VOCABULARY: Vocabulary = buildVocabulary()
