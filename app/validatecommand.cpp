#include "validatecommand.h"

#include "commandline.h"

#include "atlas.h"
#include "briefio.h"
#include "geojsonreader.h"
#include "userlayers.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <optional>

namespace spheres {

namespace {

/// The translation context of this command's messages.
struct ValidateCommand
{
    Q_DECLARE_TR_FUNCTIONS(ValidateCommand)
};

int fail(const QString &message) { return usageError(validateCommandSpec(), message); }
int failed(const QString &message) { return commandError(validateCommandSpec(), message); }

} // namespace

CommandSpec validateCommandSpec()
{
    CommandSpec spec;
    spec.name = QStringLiteral("validate");
    spec.summary = ValidateCommand::tr("Check that a brief reads and that everything it links to exists.");
    spec.description = ValidateCommand::tr("Check a brief: that it reads, and that its regions, groups, layers and features exist.");
    // A brief may link features of a layer the user added; without it they would count as unknown.
    spec.options = {QCommandLineOption(QStringLiteral("layer"),
                                       ValidateCommand::tr("An extra layer the brief refers to: GeoJSON, GeoPackage, Shapefile, KML, "
                                          "FlatGeobuf, GeoJSONSeq or CSV (repeatable)."),
                                       ValidateCommand::tr("file"))};
    spec.positionals = {{QStringLiteral("brief"), ValidateCommand::tr("The brief to check (.spheres.json)."), QStringLiteral("<brief>")}};
    return spec;
}

namespace {

/// What `spheres validate` is asked to check.
struct ValidateRequest
{
    QString briefPath;
    QStringList layerFiles; ///< --layer: users' files, read as they would be drawn
};

/// A request, or the exit code of a command already over (help printed, or a usage problem).
struct ParsedValidate
{
    std::optional<ValidateRequest> request;
    int exitCode = 0;
};

ParsedValidate parseValidateCommand(const QStringList &arguments)
{
    const CommandSpec spec = validateCommandSpec();
    QCommandLineParser parser;
    spec.configure(parser);
    const auto usage = [](const QString &message) { return ParsedValidate{std::nullopt, fail(message)}; };
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << spec.helpText(parser);
        return ParsedValidate{};
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usage(ValidateCommand::tr("no brief given"));
    if (positional.size() > 1)
        return usage(ValidateCommand::tr("unexpected argument \"%1\"").arg(positional.at(1)));
    return ParsedValidate{ValidateRequest{positional.front(), parser.values(spec.option(QStringLiteral("layer")))}};
}

/// The brief's warnings and unresolved links on stderr, its summary on stdout.
int report(const QString &path, const BriefReader::Result &result, const QStringList &unknown)
{
    QTextStream err(stderr);
    for (const QString &warning : result.warnings)
        err << ValidateCommand::tr("warning: %1").arg(warning) << Qt::endl;
    // A link that resolves to nothing shows nothing on the map: an error, not a warning.
    for (const QString &problem : unknown)
        err << ValidateCommand::tr("error: %1: %2").arg(path, problem) << Qt::endl;
    if (!unknown.isEmpty()) {
        err << ValidateCommand::tr("%1: %2 unresolved link(s)").arg(path, QString::number(unknown.size())) << Qt::endl;
        return 1;
    }
    const QString counts = ValidateCommand::tr("%1 claims, %2 views")
                               .arg(QString::number(result.brief.claims.size()), QString::number(result.brief.views.size()));
    QTextStream out(stdout);
    if (result.warnings.isEmpty())
        out << ValidateCommand::tr("%1: OK (%2)").arg(path, counts) << Qt::endl;
    else
        out << ValidateCommand::tr("%1: OK with %2 warning(s) (%3)").arg(path, QString::number(result.warnings.size()), counts) << Qt::endl;
    return 0;
}

int runValidate(const ValidateRequest &request)
{
    const Atlas::Result atlas = Atlas::loadBuiltIn(Atlas::Detail::Fine);
    if (!atlas.ok())
        return failed(atlas.error);
    QStringList layerErrors;
    QList<std::shared_ptr<const Layer>> layers = GeoJsonReader::readAllBuiltIn(layerErrors);
    if (!layerErrors.isEmpty())
        return failed(layerErrors.join(u'\n'));
    const BriefReader::Result result = BriefReader::readFile(request.briefPath);
    if (!result.ok()) {
        QTextStream(stderr) << ValidateCommand::tr("error: %1").arg(result.error) << Qt::endl; // the reader's error names the file
        return 1;
    }
    // The brief's own layers are checked as they are drawn: read, with their limits.
    const UserLayers extra = UserLayers::read(request.layerFiles, &result.brief, request.briefPath);
    if (!extra.ok())
        return failed(extra.error);
    layers << extra.layers;
    return report(request.briefPath, result, BriefReader::unknownReferences(result.brief, atlas.atlas, layers));
}

} // namespace

int runValidateCommand(const QStringList &arguments)
{
    const ParsedValidate parsed = parseValidateCommand(arguments);
    return parsed.request ? runValidate(*parsed.request) : parsed.exitCode;
}

} // namespace spheres
