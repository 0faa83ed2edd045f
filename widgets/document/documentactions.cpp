#include "documentactions.h"
#include "dialogs/alert.h"
#include "safetext.h"

#include "atlas.h"
#include "briefdocument.h"
#include "gazetteer.h"
#include "linker.h"

#include <QAbstractButton>
#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>

namespace spheres {

namespace {
constexpr int kMaxRecent = 8;
const QString kBriefFilter = QStringLiteral("Spheres briefs (*.spheres.json *.json)");
}

DocumentActions::DocumentActions(BriefDocument *document, QWidget *window, QObject *parent)
    : QObject(parent), m_document(document), m_window(window)
{
    m_open = new QAction(tr("&Open…"), this);
    m_open->setShortcut(QKeySequence::Open);
    m_save = new QAction(tr("&Save"), this);
    m_save->setShortcut(QKeySequence::Save);
    m_saveAs = new QAction(tr("Save &As…"), this);
    m_saveAs->setShortcut(QKeySequence::SaveAs);
    m_import = new QAction(tr("&Import narrative…"), this);
    m_import->setShortcut(QKeySequence(tr("Ctrl+I")));
    m_relink = new QAction(tr("&Re-link narrative…"), this);
    m_relink->setToolTip(tr("Link an edited narrative into this brief, keeping your edits to the claims"));
    m_recent = new QMenu(tr("Open &Recent"), window); // QMenu::addMenu() does not take ownership
    connect(m_recent, &QMenu::aboutToShow, this, &DocumentActions::fillRecentMenu);

    connect(m_open, &QAction::triggered, this, [this] {
        if (!maybeSave())
            return;
        const QString path = QFileDialog::getOpenFileName(m_window, tr("Open brief"), QString(), kBriefFilter);
        if (!path.isEmpty())
            openFile(path);
    });
    connect(m_save, &QAction::triggered, this, &DocumentActions::save);
    connect(m_saveAs, &QAction::triggered, this, &DocumentActions::saveAs);
    connect(m_import, &QAction::triggered, this, [this] {
        if (!maybeSave())
            return;
        const QString path = QFileDialog::getOpenFileName(m_window, tr("Import narrative"), QString(),
                                                          tr("Text and Markdown (*.txt *.md *.markdown);;All files (*)"));
        if (path.isEmpty())
            return;
        if (const QString error = importNarrative(path); !error.isEmpty())
            Alert::warning(m_window, tr("Import narrative"), error);
    });
    connect(m_relink, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(m_window, tr("Re-link narrative"), QString(),
                                                          tr("Text and Markdown (*.txt *.md *.markdown);;All files (*)"));
        if (path.isEmpty())
            return;
        if (const QString error = relinkNarrative(path); !error.isEmpty())
            Alert::warning(m_window, tr("Re-link narrative"), error);
    });
}

void DocumentActions::setLinkingData(std::shared_ptr<const Atlas> atlas, LayersProvider layers)
{
    m_atlas = std::move(atlas);
    m_layers = std::move(layers);
}

bool DocumentActions::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer = Alert::ask(m_window, QMessageBox::Warning, tr("Unsaved changes"),
                                   tr("“%1” has changes that are not saved. Save them?").arg(m_document->displayName()),
                                   QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    return answer == QMessageBox::Discard || save();
}

DocumentActions::DiskChange DocumentActions::askDiskChange(bool saving)
{
    if (m_askDiskChange)
        return m_askDiskChange(saving);
    QMessageBox box(QMessageBox::Warning, tr("Changed on disk"),
                    tr("“%1” was changed by another window or program since you opened it here.")
                        .arg(m_document->displayName()),
                    QMessageBox::NoButton, m_window);
    box.setTextFormat(Qt::PlainText);
    QAbstractButton *saveAs = nullptr, *first = nullptr, *second = nullptr;
    if (saving) {
        box.setInformativeText(tr("Saving now replaces those changes with yours."));
        first = box.addButton(tr("&Overwrite"), QMessageBox::DestructiveRole);
        saveAs = box.addButton(tr("Save &As…"), QMessageBox::AcceptRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(qobject_cast<QPushButton *>(saveAs));
    } else {
        box.setInformativeText(m_document->isModified() ? tr("You have changes here that are not saved.")
                                                        : tr("You have no unsaved changes here."));
        first = box.addButton(tr("&Reload"), QMessageBox::DestructiveRole);
        second = box.addButton(tr("&Keep mine"), QMessageBox::RejectRole);
        saveAs = box.addButton(tr("Save &As…"), QMessageBox::AcceptRole);
        box.setDefaultButton(qobject_cast<QPushButton *>(second));
    }
    box.exec();
    if (box.clickedButton() == first)
        return saving ? DiskChange::Overwrite : DiskChange::Reload;
    if (box.clickedButton() == saveAs)
        return DiskChange::SaveAs;
    if (box.clickedButton() == second)
        return DiskChange::KeepMine;
    return saving ? DiskChange::Cancel : DiskChange::KeepMine;
}

void DocumentActions::checkDiskChanges()
{
    // The question itself takes and gives back the focus: ask once at a time.
    if (m_checkingDisk || !m_document->changedOnDisk())
        return;
    m_checkingDisk = true;
    switch (askDiskChange(false)) {
    case DiskChange::Reload:
        if (const QString error = m_document->reload(); !error.isEmpty())
            Alert::warning(m_window, tr("Reload"), tr("The brief could not be reloaded:\n%1\n\nYour version is still open.").arg(error));
        break;
    case DiskChange::SaveAs:
        if (saveAs())
            break;
        [[fallthrough]]; // not saved elsewhere: at least do not ask again at every focus
    case DiskChange::KeepMine:
    case DiskChange::Overwrite:
    case DiskChange::Cancel:
        m_document->keepMine();
        break;
    }
    m_checkingDisk = false;
}

bool DocumentActions::save()
{
    if (m_document->filePath().isEmpty())
        return saveAs();
    auto overwrite = BriefDocument::Overwrite::IfUnchanged;
    if (m_document->changedOnDisk()) {
        switch (askDiskChange(true)) {
        case DiskChange::Overwrite:
            overwrite = BriefDocument::Overwrite::Always;
            break;
        case DiskChange::SaveAs:
            return saveAs();
        case DiskChange::Reload:
        case DiskChange::KeepMine:
        case DiskChange::Cancel:
            return false;
        }
    }
    if (const QString error = m_document->save(overwrite); !error.isEmpty()) {
        Alert::critical(m_window, tr("Save"), tr("The brief was not saved:\n%1\n\nYour changes are still open.").arg(error));
        return false;
    }
    rememberRecent(m_document->filePath());
    return true;
}

bool DocumentActions::saveAs()
{
    QString path = QFileDialog::getSaveFileName(m_window, tr("Save brief as"),
                                                m_document->displayName() + QStringLiteral(".spheres.json"), kBriefFilter);
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QStringLiteral(".json")))
        path += QStringLiteral(".spheres.json");
    if (const QString error = m_document->saveAs(path); !error.isEmpty()) {
        Alert::critical(m_window, tr("Save As"), tr("The brief was not saved:\n%1\n\nYour changes are still open.").arg(error));
        return false;
    }
    rememberRecent(path);
    return true;
}

bool DocumentActions::openFile(const QString &path)
{
    if (const QString error = m_document->open(path); !error.isEmpty()) {
        Alert::warning(m_window, tr("Open brief"), tr("The brief could not be opened:\n%1").arg(error));
        return false;
    }
    rememberRecent(path);
    return true;
}

QString DocumentActions::importNarrative(const QString &path)
{
    Brief brief;
    if (const QString error = linkNarrativeFile(path, brief); !error.isEmpty())
        return error;
    if (brief.title.isEmpty()) // no opening Markdown heading
        brief.title = QFileInfo(path).completeBaseName();
    brief.date = QDate::currentDate();
    for (const char *id : {"sco", "contested", "pipelines"})
        brief.layers.push_back({QString::fromLatin1(id), true, 1.0});
    m_document->reset(std::move(brief), QString(), true);
    return {};
}

QString DocumentActions::relinkNarrative(const QString &path)
{
    Brief fresh;
    if (const QString error = linkNarrativeFile(path, fresh); !error.isEmpty())
        return error;
    m_document->reset(Linker::relink(m_document->brief(), fresh), m_document->filePath(), true);
    return {};
}

QString DocumentActions::linkNarrativeFile(const QString &path, Brief &out) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("%1: %2").arg(path, file.errorString());
    const QByteArray bytes = file.read(8 * 1024 * 1024 + 1);
    if (bytes.size() > 8 * 1024 * 1024)
        return tr("%1: the narrative is larger than 8 MiB").arg(path);
    if (bytes.contains('\0'))
        return tr("%1: this is not a text file").arg(path);
    if (!m_atlas)
        return tr("the base map is not loaded");
    const Gazetteer gazetteer(*m_atlas, m_layers ? m_layers() : QList<std::shared_ptr<const Layer>>{});
    out = Linker(gazetteer).link(QString::fromUtf8(bytes), QFileInfo(path).fileName());
    if (out.claims.isEmpty())
        return tr("%1: no sentences were found").arg(path);
    return {};
}

void DocumentActions::rememberRecent(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentFiles")).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    settings.setValue(QStringLiteral("recentFiles"), recent.mid(0, kMaxRecent));
}

void DocumentActions::fillRecentMenu()
{
    m_recent->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    for (const QString &path : recent) {
        m_recent->addAction(QFileInfo(path).fileName(), this, [this, path] {
            if (maybeSave())
                openFile(path);
        })->setToolTip(SafeText::toolTip(path));
    }
    if (recent.isEmpty())
        m_recent->addAction(tr("No recent briefs"))->setEnabled(false);
}

} // namespace spheres
