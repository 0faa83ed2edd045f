#include "manpage.h"

#include "commands.h"
#include "windowcommand.h"

#include <QStringList>

namespace spheres {

namespace {

/// Text safe for roff: backslashes and hyphen-minus escaped, no line starting with a control
/// character, and blank lines as paragraph breaks.
QString roff(const QString &text)
{
    QString out = text;
    out.replace(u'\\', QStringLiteral("\\e")).replace(u'-', QStringLiteral("\\-"));
    QStringList lines = out.split(u'\n');
    for (QString &line : lines) {
        if (line.startsWith(u'.') || line.startsWith(u'\''))
            line.prepend(QStringLiteral("\\&"));
        if (line.trimmed().isEmpty())
            line = QStringLiteral(".PP");
    }
    return lines.join(u'\n');
}

QString optionEntry(const QCommandLineOption &option)
{
    QStringList names;
    for (const QString &name : option.names())
        names << QStringLiteral("\\fB%1%2\\fR").arg(name.size() == 1 ? QStringLiteral("\\-") : QStringLiteral("\\-\\-"),
                                                   roff(name));
    QString entry = QStringLiteral(".TP\n") + names.join(QStringLiteral(", "));
    if (!option.valueName().isEmpty())
        entry += QStringLiteral(" \\fI%1\\fR").arg(roff(option.valueName()));
    entry += u'\n' + roff(option.description());
    if (!option.defaultValues().isEmpty())
        entry += QStringLiteral(" Default: %1.").arg(roff(option.defaultValues().join(QStringLiteral(", "))));
    return entry + u'\n';
}

QString optionsOf(const CommandSpec &spec)
{
    QString text = optionEntry(CommandSpec::helpOption());
    for (const QCommandLineOption &option : spec.options)
        if (!(option.flags() & QCommandLineOption::HiddenFromHelp))
            text += optionEntry(option);
    return text;
}

QString synopsisOf(const CommandSpec &spec)
{
    QString line = QStringLiteral(".B %1\n[\\fIoptions\\fR]").arg(spec.program());
    for (const CommandSpec::Positional &p : spec.positionals)
        line += QStringLiteral(" \\fI%1\\fR").arg(roff(p.syntax));
    return line + QStringLiteral("\n.br\n");
}

const char *const kFixedSections = R"(.SH "EXIT STATUS"
The window and every command use one convention:
.TP
.B 0
Done.
.TP
.B 1
The input is invalid (a brief, narrative or layer that cannot be read, is malformed or links to
what does not exist), the output cannot be written (a full disk, say; the old file is then left
untouched), or there is no display for the window.
.TP
.B 2
The command line is wrong: an unknown command or option, a missing or out\-of\-range value, or
options that exclude each other. Nothing is read or written.
.SH FILES
.TP
.I ~/.local/share/Spheres/Spheres/autosave/
Recovery copies of the briefs being edited, written a few seconds after each change and removed
when a brief is saved or closed; a copy left by a crash is offered at the next start.
.TP
.I ~/.config/Spheres/Spheres.conf
Settings: window layout and size, projection, recent briefs.
.TP
.I *.spheres.json
Briefs: the narrative, its claims and their links, saved views and annotations (JSON).
.PP
The directories follow $XDG_DATA_HOME and $XDG_CONFIG_HOME when they are set.
.SH ENVIRONMENT
.TP
.B QT_QPA_PLATFORM
The Qt platform plugin; the commands use \fBoffscreen\fR unless it is set.
.TP
.BR DISPLAY ", " WAYLAND_DISPLAY
The display the window opens on.
.SH EXAMPLES
Open a brief:
.PP
.RS
spheres my\-brief.spheres.json
.RE
.PP
A 1080p picture of Central Asia in 2024, with Kazakhstan highlighted:
.PP
.RS
spheres export \-\-out central\-asia.png \-\-preset 1080p \-\-center 68,43 \-\-scale 12M \-\-select KAZ \-\-year 2024
.RE
.PP
Every view of a brief as a PDF briefing pack:
.PP
.RS
spheres export my\-brief.spheres.json \-\-all\-views \-\-out pack.pdf
.RE
.PP
Link a new narrative into a brief, then check it:
.PP
.RS
spheres link notes.md \-o notes.spheres.json
.br
spheres validate notes.spheres.json
.RE
)";

} // namespace

QString manPage(const QString &version, const QString &date)
{
    const CommandSpec window = windowCommandSpec();
    QString page = QStringLiteral(".TH SPHERES 1 \"%1\" \"spheres %2\" \"User Commands\"\n").arg(date, version);
    page += QStringLiteral(".SH NAME\nspheres \\- explorer of spheres of influence on an annotated map\n");
    page += QStringLiteral(".SH SYNOPSIS\n") + synopsisOf(window);
    for (const Command &c : commands())
        page += synopsisOf(c.spec());
    // The window's description without its list of commands, which has a section of its own.
    page += QStringLiteral(".SH DESCRIPTION\n") + roff(window.description.section(QStringLiteral("\n\n"), 0, 0)) + u'\n';
    page += QStringLiteral(".PP\nThe window also takes Qt's standard options, such as \\fB\\-platform\\fR and "
                           "\\fB\\-style\\fR.\n");
    page += QStringLiteral(".SH OPTIONS\n") + optionsOf(window);
    page += QStringLiteral(".SH COMMANDS\n");
    for (const Command &c : commands()) {
        const CommandSpec spec = c.spec();
        page += QStringLiteral(".SS \"%1\"\n").arg(spec.program()) + roff(spec.description) + u'\n';
        for (const CommandSpec::Positional &p : spec.positionals)
            page += QStringLiteral(".TP\n\\fI%1\\fR\n%2\n").arg(roff(p.name), roff(p.description));
        page += optionsOf(spec);
    }
    return page + QString::fromUtf8(kFixedSections);
}

} // namespace spheres
