package no.ks.barometer.local.template;

import no.ks.barometer.local.ProjectRoot;

import java.nio.file.Path;

/** The checkout under test and its template, read once. */
final class Project {

    static final Path ROOT = ProjectRoot.above(Path.of(""))
            .orElseThrow(() -> new IllegalStateException("template.yaml not found above the working directory"));
    static final Path TEMPLATE_FILE = ROOT.resolve(ProjectRoot.TEMPLATE);
    static final SamTemplate TEMPLATE = SamTemplate.read(TEMPLATE_FILE);

    private Project() {
    }
}
