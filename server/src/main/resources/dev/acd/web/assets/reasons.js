// Not-ready reason codes offered in the pages (the API takes any code of letters, digits, '.', '_' and '-').
export const NOT_READY_REASONS = [
    ['break', 'Break'], ['lunch', 'Lunch'], ['meeting', 'Meeting'], ['training', 'Training'],
    ['coaching', 'Coaching'], ['admin', 'Admin work'],
];
