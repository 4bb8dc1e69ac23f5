#pragma once

#include "capture/protocol/helper_messages.h"

#include <QWidget>

#include <optional>

class QLabel;
class QTreeView;

namespace pr {

class ProgramIconProvider;
class ProgramListModel;
class ProgramSortProxy;

// The Programs view: a sortable table of ProgramListModel (fastest first),
// the rate drawn as a sparkline. Selecting a row asks for that program's
// packets (programSelected); clearing the selection for all of them again.
class ProgramsView : public QWidget
{
    Q_OBJECT
public:
    explicit ProgramsView(QWidget* parent = nullptr);

    ProgramListModel* model() const { return m_model; }
    QTreeView* treeView() const { return m_tree; }
    ProgramSortProxy* proxy() const { return m_proxy; }
    std::optional<pr::proto::ProgramInfo> selectedProgram() const;
    // Why the list is empty, shown over it (empty text: no hint).
    void setEmptyHint(const QString& text);

public slots:
    void clearSelection();

signals:
    void programSelected(const pr::proto::ProgramInfo& program);
    void selectionCleared();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updateHint();

    ProgramListModel* m_model = nullptr;
    ProgramSortProxy* m_proxy = nullptr;
    ProgramIconProvider* m_icons = nullptr;
    QTreeView* m_tree = nullptr;
    QLabel* m_hint = nullptr;
};

} // namespace pr
