/**
 * SpreadsheetApp.getUi() offline: menus are recorded (there is no menu bar to show them in),
 * alerts are printed for the person running the command and answered OK; an alert that asks a
 * question (YES_NO, OK_CANCEL …) is answered from the runtime's `answer` option, and a prompt
 * with the next of its `promptAnswers`; without them each is reported as not available rather
 * than answered by guess. A sidebar (Ui.showSidebar with an HtmlOutput) is recorded with its title
 * and HTML and announced on a line.
 */
import { internalOf, makeEnum, makeFake, unavailable } from './fake-object';
import type { HtmlPage } from './html-service';
import type { RecordedMenu, SpreadsheetEnv } from './workbook-model';

/**
 * The script project's name offline: Sheets titles an add-on menu with it ("if the script is bound
 * to the document directly, the sub-menu name matches the script's name",
 * https://developers.google.com/apps-script/reference/base/ui#createAddonMenu()); the README
 * asks users to create the project as 班主任评选.
 */
export const SCRIPT_PROJECT_NAME = '班主任评选';

const BUTTON_SETS = ['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'] as const;
const BUTTONS = ['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'] as const;

/** The Ui fake. */
export function makeUi(env: SpreadsheetEnv): unknown {
  const { context, model } = env;
  const ButtonSet = makeEnum(context, 'ButtonSet', BUTTON_SETS);
  const Button = makeEnum(context, 'Button', BUTTONS);

  const makeMenu = (menu: RecordedMenu, addToUi: () => void): unknown =>
    makeFake(context, 'Menu', (self) => ({
      addItem(caption: unknown, functionName: unknown) {
        menu.items.push({ caption: String(caption), functionName: String(functionName) });
        return self;
      },
      addSeparator() {
        menu.items.push({ separator: true });
        return self;
      },
      addSubMenu(subMenu: unknown) {
        const recorded = subMenus.get(subMenu as object);
        if (!recorded) return unavailable(context, 'Menu', 'addSubMenu', 'a menu not made by this Ui');
        menu.items.push({ subMenu: recorded });
        return self;
      },
      addToUi() {
        addToUi();
      },
    }));

  const subMenus = new WeakMap<object, RecordedMenu>();
  const newMenu = (caption: string, addon: boolean) => {
    const menu: RecordedMenu = { caption, addon, items: [] };
    const fake = makeMenu(menu, () => {
      model.ui.menus = model.ui.menus.filter((existing) => existing.caption !== caption || existing.addon !== addon);
      model.ui.menus.push(menu);
    });
    subMenus.set(fake as object, menu);
    return fake;
  };

  return makeFake(context, 'Ui', () => ({
    ButtonSet,
    Button,
    createAddonMenu: () => newMenu(SCRIPT_PROJECT_NAME, true),
    createMenu: (caption: unknown) => newMenu(String(caption), false),
    alert(first: unknown, second?: unknown, third?: unknown) {
      // alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons)
      const [title, prompt, buttons] =
        third !== undefined ? [String(first), String(second), String(third)] : second !== undefined && BUTTON_SETS.includes(String(second) as never) ? ['', String(first), String(second)] : ['', String(first), 'OK'];
      const text = title ? `${title}\n${prompt}` : prompt;
      model.ui.alerts.push(text);
      env.print(text);
      if (buttons === 'OK') return Button.OK;
      const answer = model.ui.answer;
      if (!answer) return unavailable(context, 'Ui', 'alert', `the question needs an answer (${buttons})`);
      if (buttons === 'OK_CANCEL') return answer === 'yes' ? Button.OK : Button.CANCEL;
      return answer === 'yes' ? Button.YES : Button.NO;
    },
    showSidebar(userInterface: unknown) {
      const page = internalOf<HtmlPage>(context, userInterface, 'HtmlOutput', 'Ui.showSidebar');
      const title = page.title ?? '';
      model.ui.sidebars.push({ title, content: page.content });
      env.print(`打开侧边栏：${title}`);
    },
    prompt(first: unknown, second?: unknown, third?: unknown) {
      // prompt(prompt) | prompt(prompt, buttons) | prompt(title, prompt, buttons): answered OK with the next typed text.
      const [title, prompt] = third !== undefined || (second !== undefined && !BUTTON_SETS.includes(String(second) as never)) ? [String(first), String(second)] : ['', String(first)];
      const typed = model.ui.promptAnswers?.shift();
      if (typed === undefined) return unavailable(context, 'Ui', 'prompt', `nothing to type at “${title ? `${title}：` : ''}${prompt}”`);
      model.ui.alerts.push(`${title ? `${title}\n` : ''}${prompt}${typed}`);
      return makeFake(context, 'PromptResponse', () => ({
        getResponseText: () => typed,
        getSelectedButton: () => Button.OK,
      }));
    },
  }));
}
