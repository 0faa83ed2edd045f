#include "linkcommand.h"

#include "atlas.h"
#include "brief.h"
#include "briefio.h"
#include "gazetteer.h"
#include "geojsonreader.h"
#include "linker.h"
#include "orderedjson.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>
#include <QTextStream>

#include <cstdio>
#include <optional>
#include <variant>

namespace spheres {

namespace {

/// The translation context of this command's messages.
struct LinkCommand
{
    Q_DECLARE_TR_FUNCTIONS(LinkCommand)
};

constexpr qint64 kMaxNarrativeBytes = 8 * 1024 * 1024;

int fail(const QString &message) { return usageError(linkCommandSpec(), message); }
int failed(const QString &message) { return commandError(linkCommandSpec(), message); }

struct Narrative
{
    QString text;
    QString error; ///< names the file; empty on success
};

/// Reads at most kMaxNarrativeBytes + 1 bytes, so that an over-long pipe is refused without being
/// read to its end.
QByteArray readLimited(QFile &file)
{
    QByteArray data;
    while (data.size() <= kMaxNarrativeBytes) {
        const QByteArray chunk = file.read(kMaxNarrativeBytes + 1 - data.size());
        if (chunk.isEmpty())
            break; // end of file or an error; the caller looks at file.error()
        data += chunk;
    }
    return data;
}

/// The text of the narrative at `path` ("-": standard input); `name` is how messages call it.
Narrative readNarrative(const QString &path, const QString &name)
{
    const auto unreadable = [&name](const QString &what) { return Narrative{{}, QStringLiteral("%1: %2").arg(name, what)}; };
    QFile file;
    if (path == u'-') {
        if (!file.open(stdin, QIODevice::ReadOnly))
            return unreadable(file.errorString());
    } else {
        const QFileInfo info(path);
        if (!info.exists())
            return unreadable(LinkCommand::tr("no such file"));
        if (info.isDir())
            return unreadable(LinkCommand::tr("is a directory, not a narrative file"));
        // Checked before reading, so that a huge file is not read only to be refused.
        if (info.size() > kMaxNarrativeBytes)
            return unreadable(LinkCommand::tr("the file is larger than %1 MiB").arg(kMaxNarrativeBytes / (1024 * 1024)));
        file.setFileName(path);
        if (!file.open(QIODevice::ReadOnly))
            return unreadable(LinkCommand::tr("cannot be read: %1").arg(file.errorString()));
    }
    const QByteArray data = readLimited(file);
    if (file.error() != QFileDevice::NoError)
        return unreadable(LinkCommand::tr("cannot be read: %1").arg(file.errorString()));
    if (data.size() > kMaxNarrativeBytes)
        return unreadable(LinkCommand::tr("the text is larger than %1 MiB").arg(kMaxNarrativeBytes / (1024 * 1024)));

    // Notepad's "Unicode" is UTF-16 with a byte order mark; decode it rather than call it binary.
    const bool utf16 = data.startsWith("\xFF\xFE") || data.startsWith("\xFE\xFF");
    if (!utf16 && data.contains('\0'))
        return unreadable(LinkCommand::tr("is a binary file, not plain text or Markdown"));
    QStringDecoder decoder(utf16 ? (data.startsWith("\xFF\xFE") ? QStringConverter::Utf16LE : QStringConverter::Utf16BE)
                                 : QStringConverter::Utf8);
    QString text = decoder.decode(data);
    if (decoder.hasError())
        return unreadable(utf16 ? LinkCommand::tr("is not valid UTF-16 text") : LinkCommand::tr("is not UTF-8 text; save it as UTF-8 and try again"));
    if (text.contains(QChar(u'\0')))
        return unreadable(LinkCommand::tr("is a binary file, not plain text or Markdown"));
    return Narrative{std::move(text), {}};
}

/// The claims as `spheres link --json` prints them: "id" first and "text" before the links,
/// which is why the members keep their order (OrderedJson), unlike QJsonDocument's.
QByteArray claimsJson(const Brief &brief)
{
    OrderedJson claims = OrderedJson::array();
    for (const Claim &c : brief.claims) {
        claims.append(OrderedJson::object()
                          .add(QStringLiteral("id"), OrderedJson::string(c.id))
                          .add(QStringLiteral("paragraph"), OrderedJson::number(c.paragraph))
                          .add(QStringLiteral("sentence"), OrderedJson::number(c.sentence))
                          .add(QStringLiteral("text"), OrderedJson::string(c.text))
                          .add(QStringLiteral("stance"), OrderedJson::string(stanceKey(c.stance)))
                          .add(QStringLiteral("confidence"), OrderedJson::number(c.confidence))
                          .add(QStringLiteral("cues"), OrderedJson::strings(c.cues))
                          .add(QStringLiteral("regions"), OrderedJson::strings(c.regions))
                          .add(QStringLiteral("groups"), OrderedJson::strings(c.groups))
                          .add(QStringLiteral("features"), OrderedJson::strings(c.features))
                          .add(QStringLiteral("topics"), OrderedJson::strings(c.topics)));
    }
    return OrderedJson::object()
        .add(QStringLiteral("source"), OrderedJson::string(brief.narrativeSource))
        .add(QStringLiteral("claims"), std::move(claims))
        .toJson();
}

} // namespace

CommandSpec linkCommandSpec()
{
    CommandSpec spec;
    spec.name = QStringLiteral("link");
    spec.summary = LinkCommand::tr("Link a narrative to the map: claims with regions, features and stance.");
    spec.description = LinkCommand::tr(
        "Link a narrative (plain text or Markdown) to the map: one claim per sentence, with the regions,\n"
        "groups, features and topics it names and a stance guessed from its wording.");
    spec.options = {
        QCommandLineOption(QStringLiteral("json"), LinkCommand::tr("Print the claims as JSON to standard output.")),
        QCommandLineOption({QStringLiteral("o"), QStringLiteral("out")},
                           LinkCommand::tr("Write a new brief with the claims (.spheres.json)."), LinkCommand::tr("file")),
        QCommandLineOption(QStringLiteral("update"),
                           LinkCommand::tr("With --out naming an existing brief: link the narrative again into it. Claims whose "
                              "sentence is unchanged keep their links, stance and notes as edited; new sentences "
                              "are linked afresh.")),
        QCommandLineOption(QStringLiteral("title"), LinkCommand::tr("Title of the brief (default: the narrative's opening Markdown heading, else the file name)."), LinkCommand::tr("text")),
        QCommandLineOption(QStringLiteral("author"), LinkCommand::tr("Author of the brief (default: none)."), LinkCommand::tr("name")),
    };
    spec.positionals = {{QStringLiteral("narrative"), LinkCommand::tr("The narrative file, or - for standard input."),
                         QStringLiteral("<narrative>")}};
    return spec;
}

namespace {

/// What `spheres link` is asked to do, every option read and checked.
struct LinkRequest
{
    enum class Output { Json, NewBrief, Update };
    QString inPath;   ///< "-": standard input
    QString inName;   ///< how messages call the narrative
    Output output = Output::Json;
    QString outPath;
    std::optional<QString> title;
    std::optional<QString> author;
    bool fromStdin() const { return inPath == u'-'; }
};

/// A request to run, or the exit code of a command already over (help printed, or a usage
/// problem on stderr naming the option).
struct ParsedLink
{
    std::optional<LinkRequest> request;
    int exitCode = 0;
};

ParsedLink parseLinkCommand(const QStringList &arguments)
{
    const CommandSpec spec = linkCommandSpec();
    QCommandLineParser parser;
    spec.configure(parser);
    const QCommandLineOption &json = spec.option(QStringLiteral("json"));
    const QCommandLineOption &out = spec.option(QStringLiteral("out"));
    const QCommandLineOption &title = spec.option(QStringLiteral("title"));
    const QCommandLineOption &author = spec.option(QStringLiteral("author"));
    const QCommandLineOption &update = spec.option(QStringLiteral("update"));
    const auto usage = [](const QString &message) { return ParsedLink{std::nullopt, fail(message)}; };
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << spec.helpText(parser);
        return ParsedLink{};
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usage(LinkCommand::tr("no narrative file given (use - for standard input)"));
    if (positional.size() > 1)
        return usage(LinkCommand::tr("unexpected argument \"%1\"").arg(positional.at(1)));
    if (parser.isSet(json) == parser.isSet(out))
        return usage(parser.isSet(json) ? LinkCommand::tr("--json and --out exclude each other; give one")
                                        : LinkCommand::tr("give --json to print the claims or --out to write a brief"));
    LinkRequest request;
    request.inPath = positional.front();
    request.inName = request.fromStdin() ? LinkCommand::tr("standard input") : request.inPath;
    request.outPath = parser.value(out);
    if (parser.isSet(out)) {
        if (request.outPath.isEmpty())
            return usage(LinkCommand::tr("--out needs a file name"));
        // Linking a file onto itself would replace the narrative with its brief.
        if (!request.fromStdin() && QFileInfo(request.outPath).absoluteFilePath() == QFileInfo(request.inPath).absoluteFilePath())
            return usage(LinkCommand::tr("--out \"%1\" is the narrative itself; choose another file").arg(request.outPath));
    }
    if (parser.isSet(update) && !parser.isSet(out))
        return usage(LinkCommand::tr("--update needs --out naming the brief to update"));
    request.output = parser.isSet(json) ? LinkRequest::Output::Json
                   : parser.isSet(update) ? LinkRequest::Output::Update : LinkRequest::Output::NewBrief;
    if (parser.isSet(title))
        request.title = parser.value(title);
    if (parser.isSet(author))
        request.author = parser.value(author);
    return ParsedLink{request};
}

/// The narrative's claims, linked against the shipped map and layers; or the message naming what failed.
std::variant<Brief, QString> linkNarrative(const LinkRequest &request)
{
    const Narrative narrative = readNarrative(request.inPath, request.inName);
    if (!narrative.error.isEmpty())
        return narrative.error;
    const Atlas::Result atlas = Atlas::loadBuiltIn(Atlas::Detail::Fine);
    if (!atlas.ok())
        return atlas.error;
    QStringList layerErrors;
    const auto layers = GeoJsonReader::readAllBuiltIn(layerErrors);
    if (!layerErrors.isEmpty())
        return layerErrors.join(u'\n');
    const Linker linker(Gazetteer(atlas.atlas, layers));
    Brief brief = linker.link(narrative.text, request.fromStdin() ? QStringLiteral("stdin") : QFileInfo(request.inPath).fileName());
    if (brief.claims.isEmpty())
        return LinkCommand::tr("%1: no sentences: the text is empty").arg(request.inName);
    return brief;
}

int printClaims(const Brief &brief)
{
    QFile output;
    const QByteArray bytes = claimsJson(brief);
    if (!output.open(stdout, QIODevice::WriteOnly) || output.write(bytes) != bytes.size() || !output.flush())
        return failed(LinkCommand::tr("standard output: %1").arg(output.errorString()));
    return 0;
}

/// Links the narrative again into the brief at --out: unchanged sentences keep their edits.
int updateBrief(const LinkRequest &request, const Brief &previous, const Brief &linked)
{
    Brief brief = Linker::relink(previous, linked);
    brief.title = request.title.value_or(brief.title);
    brief.author = request.author.value_or(brief.author);
    if (const QString error = BriefWriter::save(brief, request.outPath); !error.isEmpty())
        return failed(error);
    QTextStream(stderr) << LinkCommand::tr("Updated %1: %2 claims").arg(request.outPath, QString::number(brief.claims.size())) << Qt::endl;
    return 0;
}

int writeNewBrief(const LinkRequest &request, Brief brief)
{
    // The title: --title, else the Markdown heading that opens the narrative, else the file name.
    if (request.title)
        brief.title = *request.title;
    else if (brief.title.isEmpty() && !request.fromStdin())
        brief.title = QFileInfo(request.inPath).completeBaseName();
    brief.author = request.author.value_or(QString());
    brief.date = QDate::currentDate();
    for (const QString &id : GeoJsonReader::builtInIds())
        brief.layers << LayerSetting{id, true, 1.0};
    if (const QString error = BriefWriter::save(brief, request.outPath); !error.isEmpty())
        return failed(error);
    const QString wrote = brief.claims.size() == 1 ? LinkCommand::tr("Wrote 1 claim to %1").arg(request.outPath)
                                                   : LinkCommand::tr("Wrote %1 claims to %2").arg(QString::number(brief.claims.size()), request.outPath);
    QTextStream(stderr) << wrote << Qt::endl;
    return 0;
}

int runLink(const LinkRequest &request)
{
    // The brief to update is read first: a broken one is refused before any linking.
    Brief previous;
    if (request.output == LinkRequest::Output::Update) {
        const BriefReader::Result read = BriefReader::readFile(request.outPath);
        if (!read.ok())
            return failed(read.error);
        previous = read.brief;
    }
    std::variant<Brief, QString> linked = linkNarrative(request);
    if (const QString *error = std::get_if<QString>(&linked))
        return failed(*error);
    Brief &brief = std::get<Brief>(linked);
    switch (request.output) {
    case LinkRequest::Output::Json: return printClaims(brief);
    case LinkRequest::Output::Update: return updateBrief(request, previous, brief);
    case LinkRequest::Output::NewBrief: return writeNewBrief(request, std::move(brief));
    }
    return failed(QString());
}

} // namespace

int runLinkCommand(const QStringList &arguments)
{
    const ParsedLink parsed = parseLinkCommand(arguments);
    return parsed.request ? runLink(*parsed.request) : parsed.exitCode;
}

} // namespace spheres
