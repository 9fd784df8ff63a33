/**
 * Kamus kompetensi: the national dictionary (managerial and social-cultural competencies) that
 * every region uses. Create, edit, retire (no new use; history keeps it) and reinstate.
 */
import { useI18n } from '../../i18n';
import { CompetencyForm } from './CompetencyForm';
import { CurationPage } from './CurationPage';
import { type Competency, useNationalCompetencies, useRetireCompetency } from './queries';

export function DictionaryPage() {
  const { t } = useI18n();
  return (
    <CurationPage<Competency>
      keys={{
        title: 'dictionary.title',
        new: 'dictionary.new',
        intro: 'dictionary.intro',
        listTitle: 'dictionary.listTitle',
        name: 'curation.name',
      }}
      testId="dictionary-table"
      minWidth={640}
      useList={useNationalCompetencies}
      retire={useRetireCompetency()}
      name={(c) => c.name}
      columns={[
        {
          header: 'curation.type',
          cell: (c) => t(c.type === 'sosial_kultural' ? 'curation.type.sosial_kultural' : 'curation.type.manajerial'),
        },
      ]}
      form={(competency, done) => <CompetencyForm {...(competency ? { competency } : {})} onDone={done} />}
    />
  );
}
