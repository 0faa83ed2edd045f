#pragma once

#include <QProcess>
#include <QStandardPaths>
#include <QString>

#include <optional>

/// The text of a PDF's pages as pdftotext (poppler-utils) reads it, white space folded: nullopt
/// when pdftotext is not installed (for QSKIP), an empty string when it fails or takes more than
/// a minute.
inline std::optional<QString> pdfText(const QString &path)
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        return std::nullopt;
    QProcess pdftotext;
    pdftotext.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    if (!pdftotext.waitForFinished(60000) || pdftotext.exitStatus() != QProcess::NormalExit || pdftotext.exitCode() != 0)
        return QString();
    return QString::fromUtf8(pdftotext.readAllStandardOutput()).simplified();
}
