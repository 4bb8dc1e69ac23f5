#include "ui/main/go_to_packet.h"

#include "ui/main/message_bar.h"
#include "ui/packets/packet_list_model.h"
#include "ui/packets/packet_list_view.h"

#include <QAction>
#include <QCoreApplication>
#include <QInputDialog>
#include <QLocale>

namespace pr {

// The texts keep the main window's translation context, where the
// catalogues have them.
void goToPacket(QWidget* parent, PacketListModel* model, PacketListView* view, MessageBar* messages,
                QAction* autoScroll)
{
    if (model->rowCount() == 0)
        return;
    const quint64 first = model->firstPacketNumber();
    const quint64 last = model->packetNumber(model->rowCount() - 1);
    const int current = view->currentRow();
    bool ok = false;
    // QInputDialog::getInt stops at 2^31; packet numbers are plain text here.
    const QString text = QInputDialog::getText(
        parent, QCoreApplication::translate("pr::MainWindow", "Go to Packet"),
        //: %1 and %2 are the first and last packet numbers in the list
        QCoreApplication::translate("pr::MainWindow", "Packet number (%1 to %2):")
            .arg(QLocale().toString(qulonglong(first)), QLocale().toString(qulonglong(last))),
        QLineEdit::Normal, current >= 0 ? QString::number(model->packetNumber(current)) : QString(),
        &ok);
    if (!ok || text.trimmed().isEmpty())
        return;
    const quint64 number = QLocale().toULongLong(text.trimmed(), &ok);
    const int row = ok ? model->rowOfPacketNumber(number) : -1;
    if (row < 0) {
        messages->showMessage(
            MessageBar::Kind::Information,
            QCoreApplication::translate(
                "pr::MainWindow", "There is no packet %1 in the list: it holds packets %2 to %3.")
                .arg(text.trimmed(), QLocale().toString(qulonglong(first)),
                     QLocale().toString(qulonglong(last))));
        return;
    }
    // Going back means reading, not following the newest packet.
    if (autoScroll->isChecked() && row < model->rowCount() - 1)
        autoScroll->setChecked(false);
    view->goToRow(row);
}

} // namespace pr
