// The expression editor: Monaco (the files shipped in the BlazorMonaco package), driven by our own small module so that
// each editor belongs to its own circuit. Monaco (3 MB) is loaded on first use only, never on the clerks' screens.
const monacoBase = '_content/BlazorMonaco/lib/monaco-editor/min/vs';
let monacoReady;

function loadMonaco() {
    monacoReady ??= new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = `${monacoBase}/loader.js`;
        script.onerror = () => reject(new Error('The code editor could not be loaded.'));
        script.onload = () => {
            window.require.config({ paths: { vs: monacoBase } });
            window.require(['vs/editor/editor.main'], () => {
                // What an expression sees, so that completion offers it (docs/workflow-json.md, "Expressions").
                window.monaco.languages.typescript.javascriptDefaults.addExtraLib(
                    'declare const input: any; declare const variables: any; declare const outputs: any; declare const correlationId: string;',
                    'smartkiosk-scope.d.ts');
                resolve(window.monaco);
            }, reject);
        };
        document.head.appendChild(script);
    });
    return monacoReady;
}

export async function create(element, dotnet, options) {
    const monaco = await loadMonaco();
    const editor = monaco.editor.create(element, {
        value: options.value ?? '',
        language: options.language,
        ariaLabel: options.label,
        automaticLayout: true,
        minimap: { enabled: false },
        lineNumbers: 'off',
        wordWrap: 'on',
        scrollBeyondLastLine: false,
        fontSize: 14,
        tabSize: 2,
        // Tab moves focus out instead of typing a tab (WCAG 2.1.2, no keyboard trap).
        tabFocusMode: true,
    });
    let timer;
    editor.onDidChangeModelContent(() => {
        clearTimeout(timer);
        timer = setTimeout(() => dotnet.invokeMethodAsync('OnEdited', editor.getValue()), 250);
    });
    editor.onDidBlurEditorText(() => {
        clearTimeout(timer);
        dotnet.invokeMethodAsync('OnEdited', editor.getValue());
    });
    element.dataset.ready = 'true';
    return {
        setValue: (value) => { if (editor.getValue() !== value) editor.setValue(value ?? ''); },
        setLanguage: (language) => monaco.editor.setModelLanguage(editor.getModel(), language),
        getValue: () => editor.getValue(),
        dispose: () => { clearTimeout(timer); editor.dispose(); },
    };
}
