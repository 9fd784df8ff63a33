/**
 * Katalog program: the national program catalog every region offers from. Create, edit, retire (no
 * new offerings; history keeps it) and reinstate.
 */
import { formatJp } from '../../lib/format';
import { CurationPage } from './CurationPage';
import { methodLabel } from './methods';
import { ProgramForm } from './ProgramForm';
import { type Program, useNationalPrograms, useRetireProgram } from './queries';

export function CatalogPage() {
  return (
    <CurationPage<Program>
      keys={{ title: 'catalog.title', new: 'catalog.new', intro: 'catalog.intro', listTitle: 'catalog.listTitle', name: 'curation.title' }}
      testId="catalog-table"
      minWidth={720}
      useList={useNationalPrograms}
      retire={useRetireProgram()}
      name={(p) => p.title}
      columns={[
        { header: 'curation.method', cell: (p) => methodLabel(p.method) },
        { header: 'curation.jp', cell: (p) => formatJp(p.jp) },
      ]}
      form={(program, done) => <ProgramForm {...(program ? { program } : {})} onDone={done} />}
    />
  );
}
