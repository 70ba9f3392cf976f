"""The main window's actions: menus, the toolbar, shortcuts and the status bar."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QProgressBar, QToolButton


class ActionsMixin:
    """Mixed into ``MainWindow``: builds its actions, which call the window's slots."""

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot: object,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.open_action = self._action(
            self.tr("&Open demand…"),
            QKeySequence.StandardKey.Open,
            self.open_demand,
            self.tr("Store a demand PDF as a new case"),
        )
        self.new_disclosure_action = self._action(
            self.tr("New &disclosure…"),
            None,
            self.new_disclosure,
            self.tr("Record data disclosed without legal process (an NCMEC report, an emergency, …)"),
        )
        self.lock_action = self._action(
            self.tr("&Lock"), "Ctrl+L", self.lock, self.tr("Hide all case data and close the store")
        )
        self.print_action = self._action(
            self.tr("&Print…"),
            QKeySequence.StandardKey.Print,
            self.print_interactively,
            self.tr("Print the letter selected on the Letters tab, else the open case's summary (audited)"),
        )
        self.preview_action = self._action(
            self.tr("Print pre&view…"),
            None,
            self.print_preview,
            self.tr("See the pages of the letter selected on the Letters tab, else of the case summary"),
        )
        quit_action = self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        self.find_action = self._action(
            self.tr("&Find in document…"), QKeySequence.StandardKey.Find, self.viewer.open_find
        )
        self.find_next_action = self._action(
            self.tr("Find &next"), QKeySequence.StandardKey.FindNext, lambda: self.viewer.step_match(1)
        )
        self.find_previous_action = self._action(
            self.tr("Find pre&vious"),
            QKeySequence.StandardKey.FindPrevious,
            lambda: self.viewer.step_match(-1),
        )
        self.find_case_action = self._action(self.tr("Find &case…"), "Ctrl+Shift+F", self._focus_search)
        self.today_action = self._action(
            self.tr("&Today"),
            "Ctrl+Shift+T",
            self.show_today,
            self.tr("What needs you today: deadlines, notices, secrecy orders, approvals"),
        )
        self.report_action = self._action(
            self.tr("Transparency &report…"),
            "Ctrl+Shift+P",
            self.show_report,
            self.tr("The six-monthly figures: tables, charts, the cases behind each figure, export"),
        )
        self.text_layer_action = self._action(
            self.tr("Show OCR te&xt layer"), "Ctrl+T", self.viewer.toggle_text_layer
        )
        self.next_page = self._action(self.tr("&Next page"), "PgDown", self.viewer.next_page)
        self.prev_page = self._action(self.tr("&Previous page"), "PgUp", self.viewer.previous_page)
        self.zoom_in = self._action(self.tr("Zoom &in"), QKeySequence.StandardKey.ZoomIn, self.viewer.zoom_in)
        self.zoom_in.setShortcuts([QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")])
        self.zoom_out = self._action(
            self.tr("Zoom &out"), QKeySequence.StandardKey.ZoomOut, self.viewer.zoom_out
        )
        self.fit_width = self._action(self.tr("Fit &width"), "Ctrl+0", self.viewer.fit_width)
        self.rotate_right = self._action(self.tr("Rotate ri&ght"), "Ctrl+R", self.viewer.rotate_right)
        self.rotate_left = self._action(self.tr("Rotate &left"), "Ctrl+Shift+R", self.viewer.rotate_left)
        self.tab_actions = [
            self._action(
                # Numbered like their Ctrl+number: tab names share first letters in any language.
                self.tr("&{number} {tab} tab").format(number=i + 1, tab=self.tabs.tabText(i)),
                f"Ctrl+{i + 1}",
                lambda _c=False, i=i: self._show_tab(i),
            )
            for i in range(self.tabs.count())
            if self.tabs.widget(i) is not self.disclosure_tab  # Ctrl+1…6: the tabs of a demand
        ]
        self._build_tool_actions()
        self._build_menus(quit_action)
        self._build_toolbar(quit_action)

    def _build_tool_actions(self) -> None:
        self.verify_action = self._action(self.tr("&Verify audit trail"), None, self.verify_audit)
        self.autolock_action = self._action(self.tr("&Auto-lock after…"), None, self.choose_auto_lock)
        self.cycle_action = self._action(
            self.tr("S&ecrecy order review cycle…"),
            None,
            self.choose_reconsider_cycle,
            self.tr("How often an open-ended secrecy order comes back so that a challenge is considered"),
        )
        self.add_reviewer_action = self._action(self.tr("&Reviewers…"), None, self.manage_reviewers)
        self.switch_action = self._action(
            self.tr("&Sign in as another reviewer…"), None, self.switch_reviewer
        )
        self.passphrase_action = self._action(self.tr("Change &passphrase…"), None, self.change_passphrase)
        self.organisation_action = self._action(
            self.tr("&Organisation…"),
            None,
            self.edit_organisation,
            self.tr("Your organisation: its legal entities, address, contact and signature block"),
        )
        self.letterhead_action = self._action(
            self.tr("&Letterhead…"),
            None,
            self.edit_letterhead,
            self.tr("Organisation, address and signature of every letter"),
        )
        self.cost_action = self._action(
            self.tr("&Cost recovery…"),
            None,
            self.edit_costs,
            self.tr("The open case's costs: hours, seek or waive, payment"),
        )
        self.guide_action = self._action(
            self.tr("&User guide"),
            QKeySequence.StandardKey.HelpContents,
            self.show_guide,
            self.tr("A reviewer's day, step by step"),
        )
        self.shortcuts_action = self._action(
            self.tr("&Keyboard shortcuts"),
            "Ctrl+/",
            self.show_shortcuts,
            self.tr("Every shortcut of the window"),
        )
        self.language_action = self._action(
            self.tr("La&nguage…"),
            None,
            self.choose_language,
            self.tr("English, German or the desktop's language"),
        )
        self.about_action = self._action(self.tr("&About Demand Desk"), None, self._about)

    def _build_menus(self, quit_action: QAction) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        file_menu.addActions([self.open_action, self.new_disclosure_action, self.lock_action])
        file_menu.addSeparator()
        file_menu.addActions([self.print_action, self.preview_action])
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        edit_menu = menu.addMenu(self.tr("&Edit"))
        edit_menu.addActions(
            [self.find_action, self.find_next_action, self.find_previous_action, self.find_case_action]
        )
        view_menu = menu.addMenu(self.tr("&View"))
        view_menu.addAction(self.today_action)
        view_menu.addAction(self.report_action)
        view_menu.addSeparator()
        view_menu.addActions([self.prev_page, self.next_page])
        view_menu.addSeparator()
        view_menu.addActions(
            [
                self.zoom_in,
                self.zoom_out,
                self.fit_width,
                self.rotate_left,
                self.rotate_right,
                self.text_layer_action,
            ]
        )
        view_menu.addSeparator()
        view_menu.addActions(self.tab_actions)
        tools_menu = menu.addMenu(self.tr("&Tools"))
        tools_menu.addActions(
            [
                self.verify_action,
                self.autolock_action,
                self.cycle_action,
                self.add_reviewer_action,
                self.switch_action,
                self.passphrase_action,
                self.organisation_action,
                self.letterhead_action,
                self.cost_action,
                self.language_action,
            ]
        )
        sync_menu = menu.addMenu(self.tr("&Sync"))
        sync_menu.addActions([self.sync.sync_action, self.sync.resolve_action])
        sync_menu.addSeparator()
        sync_menu.addActions([self.sync.export_action, self.sync.import_action])
        sync_menu.addSeparator()
        sync_menu.addActions([self.sync.prefs_action, self.sync.team_action])
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addActions([self.guide_action, self.shortcuts_action])
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def _build_toolbar(self, quit_action: QAction) -> None:
        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.open_action)
        toolbar.addAction(self.today_action)
        toolbar.addAction(self.sync.sync_action)
        toolbar.addAction(self.report_action)
        toolbar.addAction(self.lock_action)
        # Every action of the window needs the open store, but these few; Sync's own actions
        # are enabled by its controller.
        always = {
            quit_action,
            self.guide_action,
            self.shortcuts_action,
            self.language_action,
            self.about_action,
        }
        self.case_actions = [a for a in self.actions() if a not in always and a not in self.sync.actions]

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.reviewer_label = QLabel()
        self.workstation_label = QLabel(self.tr("Workstation: {name}").format(name=self.config.workstation))
        self.lock_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(180)
        self.progress.setTextVisible(True)
        self.cancel_button = QToolButton()
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self._cancel_task)
        self.progress.hide()
        self.cancel_button.hide()
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        bar.addPermanentWidget(self.sync.progress)
        bar.addPermanentWidget(self.sync.cancel_button)
        bar.addPermanentWidget(self.sync.indicator)
        bar.addPermanentWidget(self.reviewer_label)
        bar.addPermanentWidget(self.workstation_label)
        bar.addPermanentWidget(self.lock_label)
