// moment-business-time ships no types: it patches moment's prototype and re-exports moment (see peers.ts).
declare module 'moment-business-time' {
  import moment from 'moment';
  export default moment;
}
