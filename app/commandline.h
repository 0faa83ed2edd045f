#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace spheres {

/// The one exit-code convention of `spheres` and all its commands (README, spheres(1)).
enum class ExitCode : int {
    Ok = 0,      ///< done
    Failed = 1,  ///< the input is invalid (unreadable, malformed, unknown references) or the output cannot be written
    Usage = 2,   ///< the command line itself is wrong: unknown option or command, bad or conflicting values
};

constexpr int exitCode(ExitCode code) { return static_cast<int>(code); }

/// What a command accepts, in one place: the parser is configured from it, and `--help` and the
/// man page (`spheres --manpage`) are both generated from it, so they cannot drift apart.
struct CommandSpec
{
    struct Positional
    {
        QString name;
        QString description;
        QString syntax; ///< as shown in the usage line, e.g. "[brief]"
    };

    QString name;        ///< "export"; empty for the window itself
    QString summary;     ///< one line, for `spheres --help`'s list of commands
    QString description; ///< a paragraph, for the command's own help and the man page
    QList<QCommandLineOption> options;
    QList<Positional> positionals;

    /// "spheres export" or "spheres".
    QString program() const;
    /// "Usage: spheres export [options] [brief]".
    QString usageLine() const;
    /// Sets up `parser` with helpOption() and everything above.
    void configure(QCommandLineParser &parser) const;
    /// The parser's help with the usage line naming the command.
    QString helpText(const QCommandLineParser &parser) const;
    /// -h, --help: ours, not Qt's, whose --help-all would list options only the window takes.
    static QCommandLineOption helpOption();
    /// The option called `name` (which must exist).
    const QCommandLineOption &option(const QString &name) const;
};

/// Prints "spheres CMD: message" and "Try 'spheres CMD --help'." to stderr; returns ExitCode::Usage.
int usageError(const CommandSpec &spec, const QString &message);
/// Prints "spheres CMD: message" to stderr; returns `code`.
int commandError(const CommandSpec &spec, const QString &message, ExitCode code = ExitCode::Failed);

/// Progress on stderr: rewritten in place (`\r`) on a terminal, one line per step otherwise, so
/// that a log or a pipe gets readable lines.
class ProgressLine
{
public:
    explicit ProgressLine(QString unit);
    ~ProgressLine();
    ProgressLine(const ProgressLine &) = delete;
    ProgressLine &operator=(const ProgressLine &) = delete;
    void report(int done, int total);

private:
    QString m_unit;
    bool m_terminal;
    bool m_pending = false;
};

/// Keeps command-line output free of Qt's environment chatter that a user can do nothing about
/// (the XDG_RUNTIME_DIR notice of the offscreen platform). Everything else still goes to stderr.
void quietQtNoise();

} // namespace spheres
