#include "autosave.h"

#include "briefdocument.h"
#include "briefio.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace spheres {

namespace {
QString metaPath() { return Autosave::directory() + QStringLiteral("/current.meta.json"); }
}

Autosave::Autosave(BriefDocument *document, QObject *parent) : QObject(parent), m_document(document)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_document->isModified())
            saveNow();
    });
    connect(m_document->undoStack(), &QUndoStack::indexChanged, this, &Autosave::scheduleIfNeeded);
    connect(m_document, &BriefDocument::modifiedChanged, this, [this](bool modified) {
        if (!modified) { // saved, or a fresh brief: no copy needed any more
            m_timer.stop();
            discard();
        } else {
            scheduleIfNeeded();
        }
    });
}

QString Autosave::directory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/autosave");
}

QString Autosave::copyPath() { return directory() + QStringLiteral("/current.spheres.json"); }

bool Autosave::hasCopy() const { return QFile::exists(copyPath()); }

void Autosave::scheduleIfNeeded()
{
    // At most one copy a minute: the first edit after a copy starts the clock.
    if (m_document->isModified() && !m_timer.isActive())
        m_timer.start();
}

QString Autosave::saveNow()
{
    if (!QDir().mkpath(directory()))
        return tr("%1: cannot create the folder").arg(directory());
    if (const QString error = BriefWriter::save(m_document->brief(), copyPath()); !error.isEmpty())
        return error;
    QSaveFile meta(metaPath());
    if (meta.open(QIODevice::WriteOnly)) {
        meta.write(QJsonDocument(QJsonObject{{QStringLiteral("originalPath"), m_document->filePath()}}).toJson());
        meta.commit();
    }
    return {};
}

QString Autosave::recover()
{
    BriefReader::Result result = BriefReader::readFile(copyPath());
    if (!result.ok())
        return result.error;
    QFile meta(metaPath());
    QString original;
    if (meta.open(QIODevice::ReadOnly))
        original = QJsonDocument::fromJson(meta.readAll()).object().value(u"originalPath").toString();
    m_document->reset(std::move(result.brief), original, true);
    return {};
}

void Autosave::discard()
{
    QFile::remove(copyPath());
    QFile::remove(metaPath());
}

} // namespace spheres
